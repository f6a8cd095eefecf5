package com.procura.orders;

import com.procura.suppliers.Company;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an {@link OrderDraft} that changes an existing order (SAP's ORDCHG) through the order
 * entities, inside the caller's transaction: the queue entry, the order and the reply to SAP commit
 * together or not at all. New orders are written by {@link NewOrders}.
 */
public final class OrderImport {
    private OrderImport() {
    }

    /** Refusals happen before anything is changed, so the caller may go on in the same transaction. */
    static ImportResult apply(EntityManager em, OrderDraft draft, Company buyer) {
        if (!draft.source().change()) {
            throw new IllegalArgumentException("order " + draft.orderNumber() + " is new: NewOrders creates it");
        }
        Optional<PurchaseOrder> existing = em.createQuery(
                        "select o from PurchaseOrder o where o.buyer = :buyer and o.orderNumber = :number", PurchaseOrder.class)
                .setParameter("buyer", buyer).setParameter("number", draft.orderNumber())
                .getResultStream().findFirst();
        if (existing.isEmpty()) {
            return ImportResult.refused(new ImportException("E1EDK01", "BELNR", "order " + draft.orderNumber()
                    + " is not known here: a change (ORDCHG) needs the original order first"));
        }
        PurchaseOrder order = existing.get();
        String position = draft.source().position();
        if (order.getSapChangedAt() != null && position.compareTo(order.getSapChangedAt()) <= 0) {
            return new ImportResult(order.getId(), ImportResult.Outcome.OUTDATED, null);
        }
        applyChange(order, draft);
        order.recordSapSource(draft.source().sender(), draft.source().docnum(), position);
        return new ImportResult(order.getId(), ImportResult.Outcome.CHANGED, null);
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
            order.replaceExtensions(draft.allExtensions());
        }
        order.recalculate();
        order.changeStatus(order.getLines().isEmpty() ? OrderStatus.CANCELLED : OrderStatus.CHANGED);
    }

    /** How a draft was applied: the order it created or changed, or why it was refused (then nothing was written). */
    public record ImportResult(Long orderId, Outcome outcome, ImportException refusal) {
        public enum Outcome { CREATED, CHANGED, OUTDATED, REFUSED }

        public static ImportResult refused(ImportException reason) {
            return new ImportResult(null, Outcome.REFUSED, reason);
        }
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
