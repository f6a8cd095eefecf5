package com.procura.orders;

/** Where a purchase order stands between buyer and supplier. */
public enum OrderStatus {
    /** Received from SAP, waiting for the supplier. */
    NEW("New"),
    /** Changed by the buyer after it was sent; the supplier must confirm again. */
    CHANGED("Changed"),
    CONFIRMED("Confirmed"),
    PARTIALLY_CONFIRMED("Partially confirmed"),
    REJECTED("Rejected"),
    CLOSED("Closed"),
    CANCELLED("Cancelled");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
