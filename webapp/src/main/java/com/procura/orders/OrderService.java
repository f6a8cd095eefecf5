package com.procura.orders;

import com.procura.platform.db.Database;
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
    private static final String ROW = "select new com.procura.orders.OrderRow(o.id, o.orderNumber, s.name, o.status, "
            + "o.orderDate, o.requestedDelivery, o.totalAmount, o.currency) from PurchaseOrder o join o.supplier s";

    private final Database database;
    private final List<OrderEvents> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The one buyer company of this installation, once known. */
    private volatile Long buyerId;

    public OrderService(Database database) {
        this.database = database;
    }

    public void addListener(OrderEvents listener) {
        listeners.add(listener);
    }

    /** Creates or changes an order from another system's description, in the caller's transaction. */
    public OrderImport.ImportResult importDraft(jakarta.persistence.EntityManager em, OrderDraft draft) {
        Long buyerId = this.buyerId;
        if (buyerId == null) {
            buyerId = em.createQuery("select c.id from Company c where c.kind = :kind order by c.id", Long.class)
                    .setParameter("kind", com.procura.suppliers.Company.Kind.BUYER).setMaxResults(1)
                    .getResultStream().findFirst()
                    .orElseThrow(() -> new OrderImport.ImportException("E1EDKA1", "PARTN",
                            "no buyer company is set up in Procura yet"));
            this.buyerId = buyerId;
        }
        return OrderImport.apply(em, draft, em.find(com.procura.suppliers.Company.class, buyerId));
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

    public OrderPage list(OrderQuery query, AccountPrincipal viewer) {
        Long supplier = scopeOf(viewer, query.supplierId());
        String where = where(supplier, query.status());
        return database.read(em -> {
            TypedQuery<OrderRow> rows = em.createQuery(ROW + where + " order by " + query.sort().jpql
                    + (query.ascending() ? " asc" : " desc") + ", o.id desc", OrderRow.class);
            TypedQuery<Long> count = em.createQuery(
                    "select count(o) from PurchaseOrder o join o.supplier s" + where, Long.class);
            bind(rows, supplier, query.status());
            bind(count, supplier, query.status());
            List<OrderRow> page = rows.setFirstResult(query.offset()).setMaxResults(OrderQuery.PAGE_SIZE).getResultList();
            return new OrderPage(page, count.getSingleResult(), query);
        });
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
