package com.procura.orders;

import com.procura.platform.db.Database;
import com.procura.platform.db.IdSequence;
import com.procura.security.AccountPrincipal;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads purchase orders for a viewer. A supplier's account sees only its own company's orders,
 * whatever the request asks for; that rule lives here, not in the pages.
 */
public final class OrderService {
    private final Database database;
    private final IdSequence ids;
    private final List<OrderEvents> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The one buyer company of this installation, once known. */
    private volatile Long buyerId;

    public OrderService(Database database) {
        this.database = database;
        this.ids = new IdSequence(database.dataSource());
    }

    public void addListener(OrderEvents listener) {
        listeners.add(listener);
    }

    /**
     * New orders from another system's descriptions, written in the caller's JDBC transaction; one
     * result per draft, in order (refused when the order number exists already).
     */
    public List<OrderImport.ImportResult> createOrders(java.sql.Connection connection, List<OrderDraft> drafts)
            throws java.sql.SQLException {
        Optional<Long> buyer = buyerId(connection);
        if (buyer.isEmpty()) {
            return drafts.stream().map(draft -> OrderImport.ImportResult.refused(noBuyer())).toList();
        }
        return new NewOrders(connection, ids, buyer.get()).create(drafts);
    }

    /** Applies a change to an existing order in the caller's transaction. */
    public OrderImport.ImportResult applyChange(jakarta.persistence.EntityManager em, OrderDraft draft) {
        Optional<Long> buyer = buyerId(em.unwrap(java.sql.Connection.class));
        if (buyer.isEmpty()) {
            return OrderImport.ImportResult.refused(noBuyer());
        }
        return OrderImport.apply(em, draft, em.find(com.procura.suppliers.Company.class, buyer.get()));
    }

    private Optional<Long> buyerId(java.sql.Connection connection) {
        if (buyerId == null) {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM company WHERE kind = 'BUYER' ORDER BY id");
                 java.sql.ResultSet rows = statement.executeQuery()) {
                buyerId = rows.next() ? rows.getLong(1) : null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Reading the buyer company failed: " + e.getMessage(), e);
            }
        }
        return Optional.ofNullable(buyerId);
    }

    private static OrderImport.ImportException noBuyer() {
        return new OrderImport.ImportException("E1EDKA1", "PARTN", "no buyer company is set up in Procura yet");
    }

    /**
     * The supplier's answer: every line confirmed (possibly with another quantity, date or price) or
     * rejected. Refused when the viewer may not confirm this order or a line is unknown.
     */
    public PurchaseOrder confirm(long orderId, AccountPrincipal viewer, List<LineConfirmation> answers) {
        return database.transaction(em -> {
            PurchaseOrder order = em.find(PurchaseOrder.class, orderId, jakarta.persistence.LockModeType.OPTIMISTIC);
            if (order == null || !visibleTo(order, viewer)) {
                throw new IllegalArgumentException("There is no order " + orderId + " for you to confirm.");
            }
            if (order.getStatus() == OrderStatus.CANCELLED || order.getStatus() == OrderStatus.CLOSED) {
                throw new IllegalArgumentException("Order " + order.getOrderNumber() + " is "
                        + order.getStatus().label().toLowerCase(java.util.Locale.ROOT) + " and cannot be confirmed.");
            }
            java.util.Map<Integer, OrderLine> lines = new java.util.HashMap<>();
            order.getLines().forEach(line -> lines.put(line.getLineNumber(), line));
            for (LineConfirmation answer : answers) {
                OrderLine line = lines.get(answer.lineNumber());
                if (line == null) {
                    throw new IllegalArgumentException("Order " + order.getOrderNumber() + " has no line " + answer.lineNumber() + ".");
                }
                if (answer.rejected()) {
                    line.reject(answer.rejectionReason().strip());
                } else {
                    line.confirm(answer.quantity(), answer.date(), answer.price());
                }
            }
            order.changeStatus(statusAfterConfirmation(order));
            em.flush();
            listeners.forEach(listener -> listener.confirmed(em, order));
            return order;
        });
    }

    private static OrderStatus statusAfterConfirmation(PurchaseOrder order) {
        boolean allRejected = order.getLines().stream().allMatch(OrderLine::isRejected);
        boolean allAsOrdered = order.getLines().stream().allMatch(line -> !line.isRejected()
                && line.getConfirmedQuantity() != null && line.getConfirmedQuantity().compareTo(line.getQuantity()) == 0
                && line.getConfirmedDate() != null
                && (line.getRequestedDate() == null || !line.getConfirmedDate().isAfter(line.getRequestedDate()))
                && line.getEffectivePrice().compareTo(line.getUnitPrice()) == 0);
        return allRejected ? OrderStatus.REJECTED : allAsOrdered ? OrderStatus.CONFIRMED : OrderStatus.PARTIALLY_CONFIRMED;
    }

    /**
     * One page of the list. Plain JDBC: the list is the hottest page, and two JPQL queries through
     * EclipseLink cost more than half of its time (see bench/pages.sh).
     */
    public OrderPage list(OrderQuery query, AccountPrincipal viewer) {
        Long supplier = scopeOf(viewer, query.supplierId());
        List<Object> values = new java.util.ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (supplier != null) {
            where.append(" AND o.supplier_id = ?");
            values.add(supplier);
        }
        if (query.status() != null) {
            where.append(" AND o.status = ?");
            values.add(query.status().name());
        }
        String from = " FROM purchase_order o JOIN company s ON s.id = o.supplier_id" + where;
        String page = "SELECT o.id, o.order_number, s.name, o.status, o.order_date, o.requested_delivery, "
                + "o.total_amount, o.currency" + from + " ORDER BY " + query.sort().column
                + (query.ascending() ? " ASC" : " DESC") + ", o.id DESC LIMIT " + OrderQuery.PAGE_SIZE
                + " OFFSET " + query.offset();
        try (java.sql.Connection connection = database.dataSource().getConnection()) {
            List<OrderRow> rows = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement statement = prepare(connection, page, values);
                 java.sql.ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    java.sql.Date delivery = result.getDate(6);
                    rows.add(new OrderRow(result.getLong(1), result.getString(2), result.getString(3),
                            OrderStatus.valueOf(result.getString(4)), result.getDate(5).toLocalDate(),
                            delivery == null ? null : delivery.toLocalDate(), result.getBigDecimal(7), result.getString(8)));
                }
            }
            try (java.sql.PreparedStatement statement = prepare(connection, "SELECT COUNT(*)" + from, values);
                 java.sql.ResultSet result = statement.executeQuery()) {
                result.next();
                return new OrderPage(rows, result.getLong(1), query);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Listing purchase orders failed: " + e.getMessage(), e);
        }
    }

    private static java.sql.PreparedStatement prepare(java.sql.Connection connection, String sql, List<Object> values)
            throws java.sql.SQLException {
        java.sql.PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** The order with its lines, or empty when it does not exist or the viewer may not see it. */
    public Optional<PurchaseOrder> find(long id, AccountPrincipal viewer) {
        return database.read(em -> {
            PurchaseOrder order = em.find(PurchaseOrder.class, id);
            if (order == null || !visibleTo(order, viewer)) {
                return Optional.<PurchaseOrder>empty();
            }
            order.getLines().size();
            return Optional.of(order);
        });
    }

    public Map<OrderStatus, Long> countByStatus(AccountPrincipal viewer) {
        Long supplier = scopeOf(viewer, null);
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery("select o.status, count(o) from PurchaseOrder o join o.supplier s"
                    + where(supplier, null) + " group by o.status", Object[].class);
            bind(query, supplier, null);
            query.getResultList().forEach(row -> counts.put((OrderStatus) row[0], (Long) row[1]));
            return null;
        });
        return counts;
    }

    public PurchaseOrder save(PurchaseOrder order) {
        return database.transaction(em -> {
            em.persist(order);
            return order;
        });
    }

    private static boolean visibleTo(PurchaseOrder order, AccountPrincipal viewer) {
        return !viewer.isSupplier() || order.getSupplier().getId().equals(viewer.companyId());
    }

    /** The supplier filter to apply: a supplier's own company, whatever was asked. */
    private static Long scopeOf(AccountPrincipal viewer, Long requested) {
        return viewer.isSupplier() ? viewer.companyId() : requested;
    }

    private static String where(Long supplier, OrderStatus status) {
        if (supplier == null && status == null) {
            return "";
        }
        if (supplier != null && status != null) {
            return " where s.id = :supplier and o.status = :status";
        }
        return supplier != null ? " where s.id = :supplier" : " where o.status = :status";
    }

    private static void bind(TypedQuery<?> query, Long supplier, OrderStatus status) {
        if (supplier != null) {
            query.setParameter("supplier", supplier);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
    }
}
