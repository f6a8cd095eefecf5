package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.MetadataExpiredException;
import com.procura.upgrade.repo.MetadataUpdater;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.repo.RepositoryPaths;
import com.procura.upgrade.repo.RepositorySource;
import com.procura.upgrade.repo.Sha256;
import com.procura.upgrade.repo.TargetFile;
import com.procura.upgrade.repo.TargetsMetadata;
import com.procura.upgrade.repo.VerificationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the {@code procura-upgrade} commands do on an appliance: check, plan, apply, roll back, follow a channel, import. */
public final class UpgradeManager {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeManager.class);

    private final ApplianceLayout layout;
    private final UpgradeSettings settings;
    private final Clock clock;
    private final InstalledReleases releases;
    private final EventLog events;
    private final BadReleases badReleases;
    private final UpgradeEngine engine;

    public UpgradeManager(ApplianceLayout layout, UpgradeSettings settings, ServiceController service, Clock clock,
                          StepHook hook, String actor) {
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
        this.releases = new InstalledReleases(layout);
        this.events = new EventLog(layout, clock, actor);
        this.badReleases = new BadReleases(layout.badReleases(), clock);
        HealthProbe health = new HealthProbe(settings.healthPort(), settings.healthTimeout(), Duration.ofMillis(100));
        DatabaseSnapshot database = new CommandDatabaseSnapshot(settings.snapshotCommand(), settings.restoreCommand(), layout.root());
        this.engine = new UpgradeEngine(layout, events, badReleases, database, settings.snapshotStopsService(), service, health, settings.diskReserveBytes(),
                java(settings), clock, hook);
    }

    private static List<String> java(UpgradeSettings settings) {
        List<String> java = new ArrayList<>();
        java.add(settings.javaCommand());
        java.addAll(settings.javaOptions());
        return java;
    }

    /** The production service for the settings: systemd, or a directly launched process. */
    public static ServiceController serviceFor(ApplianceLayout layout, UpgradeSettings settings) {
        return switch (settings.service()) {
            case "systemctl" -> new SystemctlService(settings.serviceUnit());
            case "process" -> new ProcessLauncherService(layout, java(settings), settings.cdsDir());
            default -> throw new IllegalArgumentException(layout.settingsFile() + ": service '" + settings.service()
                    + "' is neither 'systemctl' nor 'process'");
        };
    }

    public String installedVersion() throws IOException {
        return releases.currentVersion();
    }

    public Optional<ReleaseManifest> installedManifest() throws IOException {
        return releases.manifest(releases.currentVersion());
    }

    public String channel() throws IOException {
        Path file = layout.channelFile();
        return Files.isRegularFile(file) ? Files.readString(file).trim() : settings.defaultChannel();
    }

    /** What happened to a request of the admin page, in the history and the audit log. */
    public void recordRequest(String event, String message) throws IOException {
        events.record(event, null, null, null, message);
    }

    public List<EventLog.Event> history() throws IOException {
        return events.history();
    }

    /** Finishes or rolls back an upgrade interrupted by a crash. */
    public Optional<String> recover() throws IOException {
        Optional<String> recovered = engine.recover();
        if (recovered.isPresent()) {
            refreshStatus();
        }
        return recovered;
    }

    /** Verifies the followed channel from the configured repository, plans against it, and writes {@code status.json}. */
    public ChannelCheck check() throws IOException {
        ChannelCheck check = settings.repository().isEmpty()
                ? ChannelCheck.unverifiable(channel(), releases.currentVersion(), "no 'repository' in " + layout.settingsFile()
                        + ": this appliance is offline; bring releases with 'procura-upgrade import BUNDLE'")
                : check(RepositorySource.of(settings.requireRepository()), channel());
        StatusFile.write(layout, check, installedManifest(), Optional.ofNullable(settings.maintenanceWindows().get(check.channel()))
                .map(UpgradeManager::describe), clock.instant());
        return check;
    }

    private ChannelCheck check(RepositorySource source, String channel) throws IOException {
        String installed = releases.currentVersion();
        MetadataUpdater updater = new MetadataUpdater(source, layout.trustAnchor(), layout.trustedMetadataDir(), clock);
        TargetsMetadata targets;
        try {
            targets = updater.refresh(channel);
        } catch (MetadataExpiredException e) {
            return ChannelCheck.unverifiable(channel, installed, "updates cannot be verified: " + e.getMessage());
        } catch (VerificationException e) {
            return ChannelCheck.unverifiable(channel, installed, "updates refused, repository metadata failed verification: " + e.getMessage());
        } catch (IOException e) {
            return ChannelCheck.unverifiable(channel, installed, "updates cannot be checked, repository unreachable: " + e.getMessage());
        }
        UpgradePlan plan = new UpgradePlanner().plan(installed, targets, badReleases.reasons());
        return ChannelCheck.verified(channel, installed, targets, plan);
    }

    /**
     * Why {@code auto} must not upgrade now: no maintenance window for the followed channel, or outside it; empty
     * inside the window.
     */
    public Optional<String> outsideMaintenanceWindow() throws IOException {
        String channel = channel();
        MaintenanceWindow window = settings.maintenanceWindows().get(channel);
        if (window == null) {
            return Optional.of("automatic upgrades are off for channel '" + channel + "' (no auto.window." + channel + " in "
                    + layout.settingsFile() + ")");
        }
        Instant now = clock.instant();
        if (window.openingContaining(now).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("outside the maintenance window of channel '" + channel + "' (" + describe(window) + "); it opens next at "
                + window.nextOpening(now));
    }

    static String describe(MaintenanceWindow window) {
        return window.days().stream().map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH))
                .collect(java.util.stream.Collectors.joining(",")) + " " + window.start() + "-" + window.end() + " " + window.zone();
    }

    /** Walks every hop of the plan; stops at the first refusal or rollback. */
    public List<HopOutcome> apply() throws IOException {
        try {
            return applyPlan(check(), (name, target, max) ->
                    RepositorySource.of(settings.requireRepository()).download(RepositoryPaths.bundle(name), max, target));
        } finally {
            refreshStatus();
        }
    }

    /**
     * Applies an offline bundle: the metadata comes from a copy of the repository ({@code metadataDir}, by default the
     * folder above the bundle's {@code bundles/} folder) and must list this very bundle on the followed channel.
     */
    public List<HopOutcome> importBundle(Path bundle, Path metadataDir) throws IOException {
        try {
            return importVerified(bundle, metadataDir);
        } finally {
            refreshStatus();
        }
    }

    private List<HopOutcome> importVerified(Path bundle, Path metadataDir) throws IOException {
        RepositorySource source = RepositorySource.of(metadataDir.toString());
        String channel = channel();
        ChannelCheck check = check(source, channel);
        if (check.problem().isPresent()) {
            throw new UpgradeRefusedException(check.problem().get());
        }
        String sha256 = Sha256.hex(bundle);
        Optional<Map.Entry<String, TargetFile>> listed = check.targets().orElseThrow().targets().entrySet().stream()
                .filter(e -> e.getValue().sha256().equals(sha256)).findFirst();
        if (listed.isEmpty()) {
            throw new UpgradeRefusedException("bundle " + bundle + " (sha256 " + sha256 + ") is not a release of channel '" + channel
                    + "' in " + metadataDir + ": release from another channel or altered bundle refused");
        }
        String version = listed.get().getValue().custom().version();
        TargetsMetadata upToBundle = onlyUpTo(check.targets().get(), version);
        UpgradePlan plan = new UpgradePlanner().plan(check.installed(), upToBundle, badReleases.reasons());
        if (!plan.goal().equals(version)) {
            String reason = plan.notOffered().stream().filter(n -> n.version().equals(version)).map(UpgradePlan.NotOffered::reason)
                    .findFirst().orElse("it is not newer than the installed " + check.installed());
            throw new UpgradeRefusedException("bundle " + bundle.getFileName() + " (" + version + ") is not offered: " + reason);
        }
        ChannelCheck bounded = ChannelCheck.verified(channel, check.installed(), upToBundle, plan);
        return applyPlan(bounded, (name, target, max) -> name.equals(listed.get().getKey())
                ? copyLimited(bundle, target, max) : source.download(RepositoryPaths.bundle(name), max, target));
    }

    /** After a change the admin page must not show the old state; a failure to write it must not hide the outcome. */
    private void refreshStatus() {
        try {
            check();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not refresh {}: {}", layout.statusFile(), e.getMessage());
        }
    }

    private List<HopOutcome> applyPlan(ChannelCheck check, BundleFetcher fetcher) throws IOException {
        if (check.problem().isPresent()) {
            throw new UpgradeRefusedException(check.problem().get());
        }
        List<HopOutcome> outcomes = new ArrayList<>();
        for (UpgradePlan.Hop hop : check.plan().orElseThrow().hops()) {
            HopOutcome outcome = engine.apply(hop, fetcher);
            outcomes.add(outcome);
            if (!outcome.committed()) {
                break;
            }
        }
        return outcomes;
    }

    public HopOutcome rollback() throws IOException {
        try {
            return engine.rollBackLastUpgrade("rolled back by the operator");
        } finally {
            refreshStatus();
        }
    }

    /** Follows another channel; never downgrades, and says so when the installed release is newer than the channel's newest. */
    public String setChannel(String channel) throws IOException {
        RepositoryPaths.requireChannel(channel);
        String previous = channel();
        AtomicFiles.write(layout.channelFile(), (channel + "\n").getBytes(StandardCharsets.UTF_8));
        events.record("channel-set", null, null, null, previous + " -> " + channel);
        String message = "now following channel '" + channel + "' (was '" + previous + "')";
        if (settings.repository().isEmpty()) {
            return message;
        }
        ChannelCheck check = check();
        if (check.problem().isPresent()) {
            return message + "; " + check.problem().get();
        }
        ReleaseVersion installed = ReleaseVersion.parse(check.installed());
        Optional<ReleaseVersion> newest = check.targets().orElseThrow().targets().values().stream()
                .map(t -> t.custom().releaseVersion()).max(ReleaseVersion::compareTo);
        if (newest.isEmpty() || installed.isNewerThan(newest.get())) {
            return message + "; installed " + installed + " is newer than anything on '" + channel + "' (newest: "
                    + newest.map(ReleaseVersion::toString).orElse("none") + "): no downgrade, " + installed
                    + " stays until '" + channel + "' has a newer release";
        }
        return message;
    }

    private static TargetsMetadata onlyUpTo(TargetsMetadata targets, String version) {
        ReleaseVersion limit = ReleaseVersion.parse(version);
        Map<String, TargetFile> kept = new TreeMap<>();
        targets.targets().forEach((name, target) -> {
            if (!target.custom().releaseVersion().isNewerThan(limit)) {
                kept.put(name, target);
            }
        });
        return new TargetsMetadata(targets.type(), targets.version(), targets.expires(), targets.channel(), kept);
    }

    private static long copyLimited(Path source, Path target, long maxBytes) throws IOException {
        long size = Files.size(source);
        if (size > maxBytes) {
            throw new VerificationException("bundle " + source + " has " + size + " bytes, the signed targets say " + maxBytes);
        }
        Files.copy(source, target);
        return size;
    }
}
