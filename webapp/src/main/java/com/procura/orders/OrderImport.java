package com.procura.orders;

import com.procura.suppliers.Company;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an {@link OrderDraft} into a new purchase order, or applies it as a change, inside the
 * caller's transaction: the queue entry, the order and the reply to SAP commit together or not at all.
 */
public final class OrderImport {
    private OrderImport() {
    }

    static ImportResult apply(EntityManager em, OrderDraft draft, Company buyer) {
        Optional<PurchaseOrder> existing = em.createQuery(
                        "select o from PurchaseOrder o where o.buyer = :buyer and o.orderNumber = :number", PurchaseOrder.class)
                .setParameter("buyer", buyer).setParameter("number", draft.orderNumber())
                .getResultStream().findFirst();
        if (existing.isEmpty()) {
            if (draft.source().change()) {
                throw new ImportException("E1EDK01", "BELNR", "order " + draft.orderNumber()
                        + " is not known here: a change (ORDCHG) needs the original order first");
            }
            return new ImportResult(create(em, draft, buyer).getId(), ImportResult.Outcome.CREATED);
        }
        PurchaseOrder order = existing.get();
        if (!draft.source().change()) {
            throw new ImportException("E1EDK01", "BELNR", "order " + draft.orderNumber()
                    + " exists already (from SAP IDoc " + order.getSapDocnum() + "); changes must come as ORDCHG");
        }
        String position = draft.source().createdAt() + "/" + draft.source().docnum();
        if (order.getSapChangedAt() != null && position.compareTo(order.getSapChangedAt()) <= 0) {
            return new ImportResult(order.getId(), ImportResult.Outcome.OUTDATED);
        }
        applyChange(order, draft);
        order.recordSapSource(draft.source().sender(), draft.source().docnum(), position);
        return new ImportResult(order.getId(), ImportResult.Outcome.CHANGED);
    }

    private static PurchaseOrder create(EntityManager em, OrderDraft draft, Company buyer) {
        Company supplier = supplierOf(em, draft.supplier());
        PurchaseOrder order = new PurchaseOrder(draft.orderNumber(), buyer, supplier, draft.orderDate(), draft.currency());
        for (OrderDraft.Line line : draft.lines()) {
            if (line.action() != OrderDraft.Action.DELETE) {
                order.addLine(line.lineNumber(), line.material(), line.description(), line.quantity(), line.unit(),
                        line.unitPrice(), line.requestedDate());
            }
        }
        order.replaceExtensions(withMappedFields(draft));
        order.recordSapSource(draft.source().sender(), draft.source().docnum(),
                draft.source().createdAt() + "/" + draft.source().docnum());
        em.persist(order);
        return order;
    }

    private static void applyChange(PurchaseOrder order, OrderDraft draft) {
        Map<Integer, OrderLine> byNumber = new HashMap<>();
        order.getLines().forEach(line -> byNumber.put(line.getLineNumber(), line));
        for (OrderDraft.Line line : draft.lines()) {
            OrderLine current = byNumber.get(line.lineNumber());
            if (line.action() == OrderDraft.Action.DELETE) {
                if (current != null) {
                    order.removeLine(current);
                }
            } else if (current == null) {
                order.addLine(line.lineNumber(), line.material(), line.description(), line.quantity(), line.unit(),
                        line.unitPrice(), line.requestedDate());
            } else {
                current.change(line.material(), line.description(), line.quantity(), line.unit(), line.unitPrice(),
                        line.requestedDate());
            }
        }
        if (!draft.extensions().isEmpty()) {
            order.replaceExtensions(withMappedFields(draft));
        }
        order.recalculate();
        order.changeStatus(order.getLines().isEmpty() ? OrderStatus.CANCELLED : OrderStatus.CHANGED);
    }

    /** Fields the partner's mapping labels come first (segment {@code MAPPED}), then every raw customer field. */
    private static List<ExtensionField> withMappedFields(OrderDraft draft) {
        List<ExtensionField> fields = new java.util.ArrayList<>();
        draft.mappedFields().forEach((label, value) -> fields.add(new ExtensionField(ExtensionField.MAPPED, label, value)));
        fields.addAll(draft.extensions());
        return fields;
    }

    /** The supplier with this SAP vendor number (leading zeros ignored); created when SAP names a new one. */
    private static Company supplierOf(EntityManager em, OrderDraft.Supplier supplier) {
        String number = stripZeros(supplier.vendorNumber());
        List<Company> known = em.createQuery("select c from Company c where c.kind = :kind and c.sapVendorNumber = :number",
                        Company.class)
                .setParameter("kind", Company.Kind.SUPPLIER).setParameter("number", number).setMaxResults(1).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        Company created = new Company(supplier.name() == null || supplier.name().isBlank()
                ? "Vendor " + number : supplier.name(), Company.Kind.SUPPLIER, number, supplier.city(),
                supplier.country(), null);
        em.persist(created);
        return created;
    }

    private static String stripZeros(String number) {
        String stripped = number.replaceFirst("^0+(?=.)", "");
        return stripped.trim();
    }

    /** How a draft was applied. */
    public record ImportResult(long orderId, Outcome outcome) {
        public enum Outcome { CREATED, CHANGED, OUTDATED }
    }

    /** The draft cannot become an order; names the segment and field SAP should look at. */
    public static final class ImportException extends RuntimeException {
        private final String segment;
        private final String field;

        public ImportException(String segment, String field, String reason) {
            super(segment + "-" + field + ": " + reason);
            this.segment = segment;
            this.field = field;
        }

        public String segment() { return segment; }
        public String field() { return field; }
    }
}
