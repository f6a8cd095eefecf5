package com.procura.upgrade.appliance;

/** The steps of one upgrade hop, in order; the journal records which of them completed. */
public enum UpgradeStep {
    PREFLIGHT, SNAPSHOT, INSTALL, SWITCH, RESTART, HEALTH, COMMIT
}
