package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one upgrade hop: preflight, database snapshot, side-by-side install, atomic switch of {@code current}, restart,
 * readiness check, commit. A failure after the snapshot rolls back by itself; a journal lets the next run finish or
 * roll back a hop that a crash interrupted.
 */
public final class UpgradeEngine {

    /** What the last committed hop needs for a manual rollback. */
    public record LastUpgrade(String from, String to, String snapshotDir, String committedAt) {
    }

    /** The previous release gets at least this long to become ready again: there is nothing else to fall back to. */
    private static final Duration ROLLBACK_READY_TIMEOUT = Duration.ofMinutes(2);

    private static final DateTimeFormatter SNAPSHOT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final ApplianceLayout layout;
    private final InstalledReleases releases;
    private final Journal journal;
    private final EventLog events;
    private final BadReleases badReleases;
    private final DatabaseSnapshot database;
    private final ServiceController service;
    private final HealthProbe health;
    private final Preflight preflight;
    private final ReleaseInstaller installer;
    private final Clock clock;
    private final StepHook hook;
    private final boolean snapshotStopsService;

    /** @param snapshotStopsService stop the application before the snapshot (a file database copied while closed) */
    public UpgradeEngine(ApplianceLayout layout, EventLog events, BadReleases badReleases, DatabaseSnapshot database,
                         boolean snapshotStopsService, ServiceController service, HealthProbe health, long diskReserveBytes,
                         List<String> java, Clock clock, StepHook hook) {
        this.layout = layout;
        this.releases = new InstalledReleases(layout);
        this.journal = new Journal(layout.journal());
        this.events = events;
        this.badReleases = badReleases;
        this.database = database;
        this.service = service;
        this.health = health;
        this.preflight = new Preflight(layout, diskReserveBytes);
        this.installer = new ReleaseInstaller(releases, java);
        this.clock = clock;
        this.hook = hook;
        this.snapshotStopsService = snapshotStopsService;
    }

    /** Runs one hop. Refusals before any change throw {@link UpgradeRefusedException}; later failures roll back. */
    public HopOutcome apply(UpgradePlan.Hop hop, BundleFetcher fetcher) throws IOException {
        String from = releases.currentVersion();
        if (!from.equals(hop.from())) {
            throw new UpgradeRefusedException("hop " + hop.from() + " -> " + hop.to() + " planned, but " + from + " is installed");
        }
        hook.beforeStep(UpgradeStep.PREFLIGHT);
        events.record("upgrade-started", from, hop.to(), null, "bundle " + hop.bundleName() + " sha256 " + hop.target().sha256());
        Path bundle;
        try {
            bundle = preflight.verifiedBundle(hop, from, fetcher);
        } catch (UpgradeRefusedException e) {
            events.record("upgrade-refused", from, hop.to(), UpgradeStep.PREFLIGHT, e.getMessage());
            throw e;
        }
        String snapshotDir = layout.snapshotsDir().resolve(from + "-to-" + hop.to() + "-" + SNAPSHOT_NAME.format(clock.instant())).toString();
        Journal.Entry entry = new Journal.Entry(from, hop.to(), hop.target().sha256(), snapshotDir, clock.instant().toString(),
                List.of(UpgradeStep.PREFLIGHT));
        journal.write(entry);
        events.record("step-done", from, hop.to(), UpgradeStep.PREFLIGHT, "signature, length, sha256, version and free disk verified");

        try {
            entry = step(entry, UpgradeStep.INSTALL, () -> installer.install(bundle, hop.to()), "installed in " + layout.releaseDir(hop.to()));
        } catch (UpgradeRefusedException e) {
            refuseBeforeSwitch(hop.to(), from, e.getMessage());
            badReleases.markBad(hop.to(), e.getMessage());
            throw e;
        } catch (IOException e) {
            refuseBeforeSwitch(hop.to(), from, "installing " + hop.to() + " failed: " + e.getMessage());
            throw new UpgradeRefusedException("installing " + hop.to() + " failed: " + e.getMessage());
        }
        try {
            entry = step(entry, UpgradeStep.SNAPSHOT, () -> takeSnapshot(Path.of(snapshotDir)), "database snapshot in " + snapshotDir
                    + (snapshotStopsService ? " (application stopped for it)" : ""));
        } catch (IOException e) {
            refuseBeforeSwitch(hop.to(), from, "the database snapshot failed: " + e.getMessage());
            ensurePreviousRuns();
            throw new UpgradeRefusedException("the database snapshot failed: " + e.getMessage());
        }
        try {
            entry = step(entry, UpgradeStep.SWITCH, () -> releases.switchTo(hop.to()), "current -> releases/" + hop.to());
            entry = step(entry, UpgradeStep.RESTART, service::restart, "service restarted");
            entry = step(entry, UpgradeStep.HEALTH, () -> health.awaitReady(service), health.readiness() + " answered 200");
        } catch (IOException | RuntimeException e) {
            String cause = e.getMessage();
            rollBack(entry, cause, true);
            return new HopOutcome(from, hop.to(), false, "upgrade " + from + " -> " + hop.to() + " failed and was rolled back to "
                    + from + ": " + cause);
        }
        hook.beforeStep(UpgradeStep.COMMIT);
        commit(entry);
        Files.deleteIfExists(bundle);
        return new HopOutcome(from, hop.to(), true, "upgraded " + from + " -> " + hop.to());
    }

    private void takeSnapshot(Path dir) throws IOException {
        if (snapshotStopsService) {
            service.stop();
        }
        database.take(dir);
    }

    /** Before the switch the previous release is still current; it may have been stopped for the snapshot. */
    private void ensurePreviousRuns() throws IOException {
        if (snapshotStopsService && !health.probe().filter(status -> status == 200).isPresent()) {
            service.restart();
            health.awaitReady(service, ROLLBACK_READY_TIMEOUT);
        }
    }

    private void refuseBeforeSwitch(String to, String from, String reason) throws IOException {
        releases.remove(to);
        journal.clear();
        events.record("upgrade-refused", from, to, null, reason);
    }

    /** Finishes or rolls back a hop a crash interrupted; returns what was done, or empty when nothing was pending. */
    public Optional<String> recover() throws IOException {
        Optional<Journal.Entry> pending = journal.current();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Journal.Entry entry = pending.get();
        String interruptedAt = nextStep(entry).name();
        events.record("recovery-started", entry.from(), entry.to(), null, "an upgrade was interrupted before step " + interruptedAt);
        if (entry.done(UpgradeStep.HEALTH)) {
            try {
                health.awaitReady(service);
                commit(entry);
                return Optional.of("interrupted upgrade " + entry.from() + " -> " + entry.to() + " had passed its health check; committed");
            } catch (IOException e) {
                rollBack(entry, "interrupted before commit and no longer healthy: " + e.getMessage(), false);
                return Optional.of("interrupted upgrade " + entry.from() + " -> " + entry.to() + " rolled back: " + e.getMessage());
            }
        }
        boolean switched = entry.done(UpgradeStep.SWITCH) || releases.currentVersion().equals(entry.to());
        if (switched) {
            rollBack(entry, "interrupted before step " + interruptedAt, false);
            return Optional.of("interrupted upgrade " + entry.from() + " -> " + entry.to() + " rolled back to " + entry.from()
                    + " (it was interrupted before step " + interruptedAt + ")");
        }
        releases.remove(entry.to());
        ensurePreviousRuns();
        journal.clear();
        events.record("upgrade-abandoned", entry.from(), entry.to(), null,
                "interrupted before step " + interruptedAt + ", before the switch: " + entry.from() + " stayed in place");
        return Optional.of("interrupted upgrade " + entry.from() + " -> " + entry.to() + " abandoned before the switch; "
                + entry.from() + " stayed in place");
    }

    /** Manual rollback of the last committed hop: back to its previous release and its pre-upgrade database. */
    public HopOutcome rollBackLastUpgrade(String reason) throws IOException {
        Path file = layout.lastUpgrade();
        if (!Files.isRegularFile(file)) {
            throw new UpgradeRefusedException("no committed upgrade to roll back (" + file + " does not exist)");
        }
        LastUpgrade last = Json.read(Files.readAllBytes(file), LastUpgrade.class, file.toString());
        String installed = releases.currentVersion();
        if (!installed.equals(last.to())) {
            throw new UpgradeRefusedException("the last upgrade went " + last.from() + " -> " + last.to() + ", but " + installed
                    + " is installed; nothing to roll back");
        }
        if (!releases.isInstalled(last.from())) {
            throw new UpgradeRefusedException("release folder " + layout.releaseDir(last.from()) + " is gone; cannot roll back");
        }
        Journal.Entry entry = new Journal.Entry(last.from(), last.to(), "", last.snapshotDir(), clock.instant().toString(),
                List.of(UpgradeStep.PREFLIGHT, UpgradeStep.SNAPSHOT, UpgradeStep.INSTALL, UpgradeStep.SWITCH));
        journal.write(entry);
        rollBack(entry, reason, true);
        Files.deleteIfExists(file);
        return new HopOutcome(last.to(), last.from(), true, "rolled back " + last.to() + " -> " + last.from()
                + "; database restored from " + last.snapshotDir());
    }

    private void rollBack(Journal.Entry entry, String cause, boolean markBad) throws IOException {
        events.record("rollback-started", entry.from(), entry.to(), null, cause);
        try {
            restorePrevious(entry);
        } catch (IOException | RuntimeException e) {
            events.record("rollback-failed", entry.from(), entry.to(), null, e.getMessage());
            throw new IOException("ROLLBACK to " + entry.from() + " FAILED (" + e.getMessage() + ") after: " + cause
                    + "; the journal " + layout.journal() + " is kept so the next run retries", e);
        }
        if (markBad) {
            badReleases.markBad(entry.to(), cause);
        }
        journal.clear();
        events.record("rolled-back", entry.from(), entry.to(), null, entry.from() + " is running again; cause: " + cause);
    }

    private void restorePrevious(Journal.Entry entry) throws IOException {
        service.stop();
        if (!releases.currentVersion().equals(entry.from())) {
            releases.switchTo(entry.from());
        }
        if (entry.done(UpgradeStep.SNAPSHOT)) {
            database.restore(Path.of(entry.snapshotDir()));
        }
        service.restart();
        health.awaitReady(service, ROLLBACK_READY_TIMEOUT);
        releases.remove(entry.to());
    }

    private void commit(Journal.Entry entry) throws IOException {
        AtomicFiles.write(layout.lastUpgrade(), Json.pretty(new LastUpgrade(entry.from(), entry.to(), entry.snapshotDir(),
                clock.instant().toString())));
        journal.clear();
        List<String> pruned = releases.pruneExcept(Set.of(entry.from(), entry.to()));
        events.record("committed", entry.from(), entry.to(), UpgradeStep.COMMIT, entry.to() + " is running"
                + (pruned.isEmpty() ? "" : "; removed older release folder(s) " + pruned));
    }

    private interface StepAction {
        void run() throws IOException;
    }

    private Journal.Entry step(Journal.Entry entry, UpgradeStep step, StepAction action, String detail) throws IOException {
        hook.beforeStep(step);
        action.run();
        Journal.Entry next = entry.with(step);
        journal.write(next);
        events.record("step-done", entry.from(), entry.to(), step, detail);
        return next;
    }

    private static UpgradeStep nextStep(Journal.Entry entry) {
        for (UpgradeStep step : UpgradeStep.values()) {
            if (!entry.done(step)) {
                return step;
            }
        }
        return UpgradeStep.COMMIT;
    }
}
