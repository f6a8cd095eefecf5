package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.Segment;
import com.procura.orders.ExtensionField;
import com.procura.orders.OrderDraft;
import com.procura.orders.OrderImport.ImportException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a purchase order (ORDERS) or order change (ORDCHG) IDoc of basic type ORDERS01..05 into an
 * {@link OrderDraft}. Every refusal names the segment, the field and the value that was wrong.
 */
final class IdocOrderMapper {
    private static final DateTimeFormatter SAP_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private IdocOrderMapper() {
    }

    /** Customer copies of the message types (ZORDERS, ZZORDCHG) are common and mean the same. */
    static boolean isChange(String messageType) {
        return messageType.trim().endsWith("ORDCHG");
    }

    static OrderDraft map(Idoc idoc, SapPartner partner) {
        String message = idoc.messageType().trim();
        boolean change = isChange(message);
        if (!change && !message.endsWith("ORDERS")) {
            throw new ImportException("EDI_DC40", "MESTYP", "message type '" + message
                    + "' is not processed here: Procura takes ORDERS and ORDCHG (and customer copies like ZORDERS)");
        }
        if (!idoc.idocType().trim().startsWith("ORDERS")) {
            throw new ImportException("EDI_DC40", "IDOCTYP", "basic type '" + idoc.idocType()
                    + "' does not carry purchase orders: expected ORDERS01 to ORDERS05");
        }
        Segment header = idoc.first("E1EDK01").orElseThrow(() ->
                new ImportException("E1EDK01", "-", "the header segment E1EDK01 is missing"));
        String orderNumber = orderNumber(idoc, header);
        List<OrderDraft.Line> lines = lines(idoc, change);
        if (lines.isEmpty()) {
            throw new ImportException("E1EDP01", "-", "the order has no item (no E1EDP01 segment)");
        }
        String currency = header.get("CURCY").isBlank() ? partner.currency() : header.get("CURCY").trim();
        List<ExtensionField> extensions = extensions(idoc);
        return new OrderDraft(orderNumber, supplier(idoc), orderDate(idoc), currency, lines, extensions,
                mapped(extensions, partner), new OrderDraft.Source(idoc.control().sndprn().trim(),
                        idoc.docnum().trim(), idoc.control().credat() + idoc.control().get("CRETIM"), change));
    }

    private static String orderNumber(Idoc idoc, Segment header) {
        String belnr = header.get("BELNR").trim();
        if (belnr.isEmpty()) {
            belnr = qualified(idoc, "E1EDK02", "QUALF", "001").map(s -> s.get("BELNR").trim()).orElse("");
        }
        if (belnr.isEmpty()) {
            throw new ImportException("E1EDK01", "BELNR", "the order number is missing (neither E1EDK01-BELNR "
                    + "nor E1EDK02 with QUALF 001)");
        }
        if (belnr.length() > 35) {
            throw new ImportException("E1EDK01", "BELNR", "order number '" + belnr + "' is longer than 35 characters");
        }
        return belnr;
    }

    /** The vendor: partner LF, else the receiver when its partner type is LI (vendor). */
    private static OrderDraft.Supplier supplier(Idoc idoc) {
        Optional<Segment> lf = qualified(idoc, "E1EDKA1", "PARVW", "LF");
        if (lf.isPresent() && !lf.get().get("PARTN").isBlank()) {
            Segment s = lf.get();
            return new OrderDraft.Supplier(s.get("PARTN").trim(), s.get("NAME1").trim(), s.get("ORT01").trim(),
                    blankToNull(s.get("LAND1").trim()));
        }
        var control = idoc.control();
        if ("LI".equals(control.rcvprt().trim()) && !control.rcvprn().isBlank()) {
            return new OrderDraft.Supplier(control.rcvprn().trim(), null, null, null);
        }
        throw new ImportException("E1EDKA1", "PARVW", "the supplier is missing: no partner segment with PARVW LF, "
                + "and the receiver (RCVPRT '" + control.rcvprt().trim() + "') is not a vendor (LI)");
    }

    private static LocalDate orderDate(Idoc idoc) {
        Optional<LocalDate> documentDate = qualified(idoc, "E1EDK03", "IDDAT", "012")
                .flatMap(s -> date(s, "E1EDK03", "DATUM"));
        return documentDate
                .or(() -> qualified(idoc, "E1EDK02", "QUALF", "001").flatMap(s -> date(s, "E1EDK02", "DATUM")))
                .or(() -> parseDate(idoc.control().credat(), "EDI_DC40", "CREDAT"))
                .orElse(LocalDate.now());
    }

    private static List<OrderDraft.Line> lines(Idoc idoc, boolean change) {
        Optional<LocalDate> headerDelivery = qualified(idoc, "E1EDK03", "IDDAT", "002")
                .flatMap(s -> date(s, "E1EDK03", "DATUM"));
        List<OrderDraft.Line> lines = new ArrayList<>();
        int index = 0;
        for (Segment item : idoc.segments("E1EDP01")) {
            index++;
            String where = "E1EDP01 #" + index;
            int lineNumber = item.get("POSEX").isBlank() ? index * 10 : integer(item.get("POSEX"), where, "POSEX");
            OrderDraft.Action action = action(item.get("ACTION").trim(), change, where);
            if (action == OrderDraft.Action.DELETE) {
                lines.add(new OrderDraft.Line(lineNumber, null, null, BigDecimal.ZERO, "", BigDecimal.ZERO, null, action));
                continue;
            }
            BigDecimal quantity = decimal(item.get("MENGE"), where, "MENGE")
                    .orElseThrow(() -> new ImportException(where, "MENGE", "the ordered quantity is missing"));
            if (quantity.signum() <= 0) {
                throw new ImportException(where, "MENGE", "the ordered quantity must be positive, was " + quantity.toPlainString());
            }
            String unit = item.get("MENEE").isBlank() ? "EA" : item.get("MENEE").trim();
            BigDecimal price = unitPrice(item, where);
            Optional<Segment> ours = item.children("E1EDP19").stream().filter(s -> "001".equals(s.get("QUALF").trim())).findFirst();
            Optional<Segment> vendors = item.children("E1EDP19").stream().filter(s -> "002".equals(s.get("QUALF").trim())).findFirst();
            String material = ours.or(() -> vendors).map(s -> s.get("IDTNR").trim()).orElse(item.get("MATNR").trim());
            String description = ours.map(s -> s.get("KTEXT").trim()).filter(t -> !t.isEmpty())
                    .or(() -> vendors.map(s -> s.get("KTEXT").trim()).filter(t -> !t.isEmpty()))
                    .orElse(material.isEmpty() ? "Item " + lineNumber : material);
            LocalDate requested = item.children("E1EDP20").stream().findFirst()
                    .flatMap(s -> date(s, where + " E1EDP20", "EDATU"))
                    .or(() -> headerDelivery)
                    .orElse(null);
            lines.add(new OrderDraft.Line(lineNumber, truncate(material, 40), truncate(description, 200), quantity,
                    truncate(unit, 3), price, requested, action));
        }
        return lines;
    }

    private static OrderDraft.Action action(String code, boolean change, String where) {
        if (!change) {
            return OrderDraft.Action.ADD;
        }
        return switch (code) {
            case "", "000", "002", "004" -> OrderDraft.Action.CHANGE;
            case "001" -> OrderDraft.Action.ADD;
            case "003" -> OrderDraft.Action.DELETE;
            default -> throw new ImportException(where, "ACTION", "action code '" + code
                    + "' is not known: expected 001 (new), 002 (change) or 003 (delete)");
        };
    }

    /** VPREI is the price per PEINH units; without VPREI, NETWR divided by the quantity. */
    private static BigDecimal unitPrice(Segment item, String where) {
        Optional<BigDecimal> price = decimal(item.get("VPREI"), where, "VPREI");
        BigDecimal per = decimal(item.get("PEINH"), where, "PEINH").filter(p -> p.signum() > 0).orElse(BigDecimal.ONE);
        if (price.isPresent()) {
            return price.get().divide(per, 2, RoundingMode.HALF_UP);
        }
        Optional<BigDecimal> net = decimal(item.get("NETWR"), where, "NETWR");
        Optional<BigDecimal> quantity = decimal(item.get("MENGE"), where, "MENGE");
        if (net.isPresent() && quantity.isPresent() && quantity.get().signum() > 0) {
            return net.get().divide(quantity.get(), 2, RoundingMode.HALF_UP);
        }
        return BigDecimal.ZERO;
    }

    /** Customer segments (Z1...) with all their fields, in IDoc order, also nested ones. */
    private static List<ExtensionField> extensions(Idoc idoc) {
        List<ExtensionField> fields = new ArrayList<>();
        collect(idoc.segments(), fields);
        return fields;
    }

    private static void collect(List<Segment> segments, List<ExtensionField> into) {
        for (Segment segment : segments) {
            if (segment.isCustomerSegment()) {
                if (segment.fields().isEmpty() && !segment.unparsedData().isBlank()) {
                    into.add(new ExtensionField(segment.type(), "SDATA", truncate(segment.unparsedData().strip(), 1000)));
                }
                segment.fields().forEach((name, value) -> {
                    if (!value.isBlank()) {
                        into.add(new ExtensionField(segment.type(), name, truncate(value.strip(), 1000)));
                    }
                });
            }
            collect(segment.children(), into);
        }
    }

    /** The partner's field mapping applied: label to value, for the order page. */
    private static Map<String, String> mapped(List<ExtensionField> extensions, SapPartner partner) {
        Map<String, String> labels = partner.fieldLabels();
        Map<String, String> values = new LinkedHashMap<>();
        for (ExtensionField field : extensions) {
            String label = labels.get(field.getSegment() + "-" + field.getField());
            if (label != null) {
                values.put(label, field.getValue());
            }
        }
        return values;
    }

    private static Optional<Segment> qualified(Idoc idoc, String type, String qualifierField, String qualifier) {
        return idoc.segments(type).stream().filter(s -> qualifier.equals(s.get(qualifierField).trim())).findFirst();
    }

    private static Optional<LocalDate> date(Segment segment, String where, String field) {
        return parseDate(segment.get(field), where, field);
    }

    private static Optional<LocalDate> parseDate(String value, String where, String field) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, SAP_DATE));
        } catch (DateTimeParseException e) {
            throw new ImportException(where, field, "'" + text + "' is not a date: expected YYYYMMDD");
        }
    }

    /** SAP writes decimals with a point and a trailing minus for negatives, e.g. {@code 12.500-}. */
    static Optional<BigDecimal> decimal(String value, String where, String field) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String normalized = text.endsWith("-") ? "-" + text.substring(0, text.length() - 1).trim() : text;
        try {
            return Optional.of(new BigDecimal(normalized));
        } catch (NumberFormatException e) {
            throw new ImportException(where, field, "'" + text + "' is not a number: expected digits with a decimal point");
        }
    }

    private static int integer(String value, String where, String field) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ImportException(where, field, "'" + value.trim() + "' is not an item number: expected digits");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
