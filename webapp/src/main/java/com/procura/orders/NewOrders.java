package com.procura.orders;

import com.procura.orders.OrderImport.ImportException;
import com.procura.orders.OrderImport.ImportResult;
import com.procura.platform.db.IdSequence;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes new purchase orders from drafts with plain JDBC batches, inside the caller's transaction:
 * SAP's inbound path creates orders by the thousand, and persisting them through EclipseLink cost
 * most of each IDoc's time (see {@code bench/sap-inbound.sh}). The rows are those the
 * {@link PurchaseOrder} entity maps; changes to existing orders go through it ({@link OrderImport}).
 */
final class NewOrders {
    private final Connection connection;
    private final IdSequence ids;
    private final long buyerId;

    NewOrders(Connection connection, IdSequence ids, long buyerId) {
        this.connection = connection;
        this.ids = ids;
        this.buyerId = buyerId;
    }

    /**
     * One result per draft, in order: created, or refused because the order number exists already
     * (also earlier in the same list). A refused draft writes nothing.
     */
    List<ImportResult> create(List<OrderDraft> drafts) throws SQLException {
        Map<String, String> docnumByNumber = existingOrders(drafts);
        List<OrderDraft> accepted = new ArrayList<>();
        List<ImportResult> results = new ArrayList<>();
        for (OrderDraft draft : drafts) {
            if (draft.source().change()) {
                throw new IllegalArgumentException("order " + draft.orderNumber() + " is a change: OrderImport applies it");
            }
            if (docnumByNumber.containsKey(draft.orderNumber())) {
                results.add(ImportResult.refused(new ImportException("E1EDK01", "BELNR", "order " + draft.orderNumber()
                        + " exists already (from SAP IDoc " + docnumByNumber.get(draft.orderNumber())
                        + "); changes must come as ORDCHG")));
            } else {
                docnumByNumber.put(draft.orderNumber(), draft.source().docnum());
                accepted.add(draft);
                results.add(null);
            }
        }
        if (accepted.isEmpty()) {
            return results;
        }
        Map<String, Long> suppliers = suppliers(accepted);
        long nextOrderId = ids.reserve("purchase_order", accepted.size());
        int lineCount = accepted.stream().mapToInt(draft -> linesOf(draft).size()).sum();
        long nextLineId = lineCount == 0 ? 0 : ids.reserve("order_line", lineCount);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement orders = connection.prepareStatement("INSERT INTO purchase_order (id, order_number, "
                + "buyer_id, supplier_id, status, order_date, currency, total_amount, requested_delivery, created_at, "
                + "updated_at, version, sap_sender, sap_docnum, sap_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)");
             PreparedStatement lines = connection.prepareStatement("INSERT INTO order_line (id, order_id, line_number, "
                + "material, description, quantity, unit, unit_price, requested_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement extensions = connection.prepareStatement("INSERT INTO order_extension (order_id, "
                + "position, segment, field, field_value) VALUES (?, ?, ?, ?, ?)")) {
            int extensionCount = 0;
            for (int i = 0; i < drafts.size(); i++) {
                if (results.get(i) != null) {
                    continue;
                }
                OrderDraft draft = drafts.get(i);
                long orderId = nextOrderId++;
                BigDecimal total = BigDecimal.ZERO;
                LocalDate earliest = null;
                for (OrderDraft.Line line : linesOf(draft)) {
                    total = total.add(OrderLine.netValue(line.quantity(), line.unitPrice()));
                    if (line.requestedDate() != null && (earliest == null || line.requestedDate().isBefore(earliest))) {
                        earliest = line.requestedDate();
                    }
                    lines.setLong(1, nextLineId++);
                    lines.setLong(2, orderId);
                    lines.setInt(3, line.lineNumber());
                    lines.setString(4, line.material());
                    lines.setString(5, line.description());
                    lines.setBigDecimal(6, line.quantity());
                    lines.setString(7, line.unit());
                    lines.setBigDecimal(8, line.unitPrice());
                    lines.setDate(9, line.requestedDate() == null ? null : Date.valueOf(line.requestedDate()));
                    lines.addBatch();
                }
                List<ExtensionField> fields = draft.allExtensions();
                for (int position = 0; position < fields.size(); position++) {
                    extensions.setLong(1, orderId);
                    extensions.setInt(2, position);
                    extensions.setString(3, fields.get(position).getSegment());
                    extensions.setString(4, fields.get(position).getField());
                    extensions.setString(5, fields.get(position).getValue());
                    extensions.addBatch();
                    extensionCount++;
                }
                orders.setLong(1, orderId);
                orders.setString(2, draft.orderNumber());
                orders.setLong(3, buyerId);
                orders.setLong(4, suppliers.get(vendorNumber(draft)));
                orders.setString(5, OrderStatus.NEW.name());
                orders.setDate(6, Date.valueOf(draft.orderDate()));
                orders.setString(7, draft.currency());
                orders.setBigDecimal(8, total);
                orders.setDate(9, earliest == null ? null : Date.valueOf(earliest));
                orders.setTimestamp(10, now);
                orders.setTimestamp(11, now);
                orders.setString(12, draft.source().sender());
                orders.setString(13, draft.source().docnum());
                orders.setString(14, draft.source().position());
                orders.addBatch();
                results.set(i, new ImportResult(orderId, ImportResult.Outcome.CREATED, null));
            }
            orders.executeBatch();
            if (lineCount > 0) {
                lines.executeBatch();
            }
            if (extensionCount > 0) {
                extensions.executeBatch();
            }
        }
        return results;
    }

    private static List<OrderDraft.Line> linesOf(OrderDraft draft) {
        return draft.lines().stream().filter(line -> line.action() != OrderDraft.Action.DELETE).toList();
    }

    /**
     * Order number to the SAP DOCNUM that created it, for the drafts' numbers that exist already. The
     * pairs as a row list: H2 uses the (buyer, number) index for that, not for a list of numbers alone.
     */
    private Map<String, String> existingOrders(List<OrderDraft> drafts) throws SQLException {
        List<String> numbers = drafts.stream().map(OrderDraft::orderNumber).distinct().toList();
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT order_number, sap_docnum FROM "
                + "purchase_order WHERE (buyer_id, order_number) IN (" + pairs(numbers.size()) + ")")) {
            for (int i = 0; i < numbers.size(); i++) {
                statement.setLong(2 * i + 1, buyerId);
                statement.setString(2 * i + 2, numbers.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    /** The suppliers by SAP vendor number (leading zeros ignored); those SAP names for the first time are created. */
    private Map<String, Long> suppliers(List<OrderDraft> drafts) throws SQLException {
        Map<String, OrderDraft.Supplier> wanted = new HashMap<>();
        drafts.forEach(draft -> wanted.putIfAbsent(vendorNumber(draft), draft.supplier()));
        List<String> numbers = List.copyOf(wanted.keySet());
        Map<String, Long> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT sap_vendor_number, id FROM company "
                + "WHERE kind = 'SUPPLIER' AND sap_vendor_number IN (" + marks(numbers.size()) + ") ORDER BY id")) {
            for (int i = 0; i < numbers.size(); i++) {
                statement.setString(i + 1, numbers.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.putIfAbsent(rows.getString(1), rows.getLong(2));
                }
            }
        }
        for (String number : numbers) {
            if (!found.containsKey(number)) {
                found.put(number, createSupplier(number, wanted.get(number)));
            }
        }
        return found;
    }

    private long createSupplier(String number, OrderDraft.Supplier supplier) throws SQLException {
        long id = ids.reserve("company", 1);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO company (id, name, kind, "
                + "sap_vendor_number, city, country, created_at) VALUES (?, ?, 'SUPPLIER', ?, ?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, supplier.name() == null || supplier.name().isBlank() ? "Vendor " + number : supplier.name());
            statement.setString(3, number);
            statement.setString(4, supplier.city());
            statement.setString(5, supplier.country());
            statement.setTimestamp(6, Timestamp.from(Instant.now()));
            statement.executeUpdate();
        }
        return id;
    }

    private static String vendorNumber(OrderDraft draft) {
        return draft.supplier().vendorNumber().replaceFirst("^0+(?=.)", "").trim();
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String pairs(int count) {
        return String.join(", ", Collections.nCopies(count, "(?, ?)"));
    }
}
