package com.procura.upgrade.appliance;

/** How one upgrade hop ended: committed, or rolled back with its cause. */
public record HopOutcome(String from, String to, boolean committed, String message) {
}
