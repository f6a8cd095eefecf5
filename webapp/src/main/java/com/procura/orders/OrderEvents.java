package com.procura.orders;

import jakarta.persistence.EntityManager;

/** What other features hear about orders, inside the same transaction (the SAP outbox listens). */
public interface OrderEvents {
    /** The supplier confirmed, partly confirmed or rejected the order. */
    void confirmed(EntityManager em, PurchaseOrder order);
}
