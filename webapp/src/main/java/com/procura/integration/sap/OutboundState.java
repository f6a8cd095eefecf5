package com.procura.integration.sap;

/** Where a message to SAP stands. */
public enum OutboundState {
    /** Waiting for its first delivery, or for an earlier message of the same order. */
    PENDING,
    SENT,
    /** Delivery failed; tried again after a growing pause. */
    RETRYING,
    /** Given up after the partner's maximum number of attempts; an admin can send it again. */
    DEAD
}
