package com.procura.upgrade.appliance;

/** An upgrade was refused before anything was changed; the message says which check failed and why. */
public class UpgradeRefusedException extends RuntimeException {

    public UpgradeRefusedException(String message) {
        super(message);
    }
}
