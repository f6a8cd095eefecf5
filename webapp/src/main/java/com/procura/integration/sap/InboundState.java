package com.procura.integration.sap;

/** Where a received IDoc stands. */
public enum InboundState {
    /** Stored durably, waiting to be processed. */
    RECEIVED,
    /** Became an order or an order change; STATUS 41 queued. */
    PROCESSED,
    /** Could not become an order; the error names segment, field and reason; STATUS 40 queued. */
    FAILED,
    /** The same sender and DOCNUM came before: nothing new was created. */
    DUPLICATE,
    /** An order change older than one already applied. */
    OUTDATED
}
