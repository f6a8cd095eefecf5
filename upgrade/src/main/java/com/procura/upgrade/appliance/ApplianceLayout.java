package com.procura.upgrade.appliance;

import java.nio.file.Path;

/** Where the upgrade manager finds and keeps things, all below one root ({@code /} on the appliance). */
public record ApplianceLayout(Path root) {

    public ApplianceLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path releasesDir() {
        return root.resolve("opt/procura/releases");
    }

    public Path releaseDir(String version) {
        return releasesDir().resolve(version);
    }

    public Path currentLink() {
        return root.resolve("opt/procura/current");
    }

    public Path trustAnchor() {
        return root.resolve("etc/procura/trust/root.json");
    }

    public Path settingsFile() {
        return root.resolve("etc/procura/upgrade.properties");
    }

    public Path applicationConfig() {
        return root.resolve("etc/procura/procura.properties");
    }

    public Path databaseDir() {
        return root.resolve("var/lib/procura");
    }

    /** Root's alone: a rollback runs the SQL in here as the database's root. */
    public Path snapshotsDir() {
        return stateDir().resolve("snapshots");
    }

    public Path logDir() {
        return root.resolve("var/log/procura");
    }

    public Path stateDir() {
        return root.resolve("var/lib/procura-upgrade");
    }

    public Path trustedMetadataDir() {
        return stateDir().resolve("metadata");
    }

    public Path downloadsDir() {
        return stateDir().resolve("downloads");
    }

    public Path journal() {
        return stateDir().resolve("journal.json");
    }

    public Path history() {
        return stateDir().resolve("history.jsonl");
    }

    public Path auditLog() {
        return stateDir().resolve("audit.log");
    }

    public Path badReleases() {
        return stateDir().resolve("bad-releases.json");
    }

    public Path channelFile() {
        return stateDir().resolve("channel");
    }

    public Path lastUpgrade() {
        return stateDir().resolve("last-upgrade.json");
    }

    /** What the last check found, for the admin page ({@link StatusFile}). */
    public Path statusFile() {
        return stateDir().resolve("status.json");
    }

    /** Requests from the admin page, taken by {@code procura-upgrade run-requests} ({@link UpgradeRequests}). */
    public Path requestsDir() {
        return stateDir().resolve("requests");
    }

    public Path servicePidFile() {
        return stateDir().resolve("service.pid");
    }
}
