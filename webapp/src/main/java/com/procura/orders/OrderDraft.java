package com.procura.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A purchase order as another system describes it (today: an ORDERS or ORDCHG IDoc from SAP),
 * already validated; {@link OrderService#createOrders} turns drafts into new orders, and
 * {@link OrderService#applyChange} applies a change.
 */
public record OrderDraft(
        String orderNumber,
        Supplier supplier,
        LocalDate orderDate,
        String currency,
        List<Line> lines,
        List<ExtensionField> extensions,
        Map<String, String> mappedFields,
        Source source) {

    /** The supplier as SAP names it: vendor number, and name and place when the IDoc carries them. */
    public record Supplier(String vendorNumber, String name, String city, String country) {
    }

    public record Line(int lineNumber, String material, String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, LocalDate requestedDate, Action action) {
    }

    /** What an ORDCHG asks for a line; a new order's lines are all {@code ADD}. */
    public enum Action { ADD, CHANGE, DELETE }

    /** Where the draft came from: sender, SAP's DOCNUM and its creation time (CREDAT+CRETIM). */
    public record Source(String sender, String docnum, String createdAt, boolean change) {
        /** CREDAT+CRETIM/DOCNUM: a change older than the last one applied to an order is not applied. */
        String position() {
            return createdAt + "/" + docnum;
        }
    }

    /** The fields the partner's mapping labels first (segment {@code MAPPED}), then every raw customer field. */
    List<ExtensionField> allExtensions() {
        List<ExtensionField> fields = new java.util.ArrayList<>();
        mappedFields.forEach((label, value) -> fields.add(new ExtensionField(ExtensionField.MAPPED, label, value)));
        fields.addAll(extensions);
        return fields;
    }
}
