package com.procura.upgrade.appliance;

/**
 * The steps of one upgrade hop, in order; the journal records which of them completed. The snapshot comes right
 * before the switch: a bundle that does not start is refused without one, and when the snapshot needs the
 * application stopped (embedded H2), its start check does not add to the downtime.
 */
public enum UpgradeStep {
    PREFLIGHT, INSTALL, SNAPSHOT, SWITCH, RESTART, HEALTH, COMMIT
}
