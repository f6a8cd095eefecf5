package com.procura.upgrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.repo.Sha256;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Publish, promote, plan, upgrade along required stops, switch channels: the paths that succeed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeEndToEndIT {

    @TempDir
    static Path temp;

    TlsMaterial tls;
    ReleaseRepo repo;
    Path bundle100;
    Path bundle120;
    Path bundle130;

    @BeforeAll
    void publishReleases() throws Exception {
        FakeProcuraApp app = FakeProcuraApp.compile();
        tls = TlsMaterial.generate(temp.resolve("tls"));
        repo = ReleaseRepo.create(temp.resolve("publisher"), app);
        bundle100 = repo.bundle("1.0.0", Behaviour.HEALTHY);
        Path bundle110 = repo.bundle("1.1.0", Behaviour.HEALTHY);
        bundle120 = repo.bundle("1.2.0", Behaviour.HEALTHY, "--required-stop", "1.1.0");
        bundle130 = repo.bundle("1.3.0", Behaviour.HEALTHY, "--min-upgrade-from", "1.2.0");
        repo.publishToLive(bundle100, "1.0.0");
        repo.publishToLive(bundle110, "1.1.0");
        repo.publishToLive(bundle120, "1.2.0");
        repo.publish(bundle130, "feature");
    }

    @Test
    void promotedBundleIsByteForByteTheSameOnEveryChannel() throws Exception {
        String sha = Sha256.hex(bundle120);
        for (String channel : new String[] {"feature", "pre-release", "live"}) {
            assertThat(Files.readString(repo.dir.resolve("channels/" + channel + "/targets.json"))).contains(sha);
        }
        assertThat(Files.readAllBytes(repo.dir.resolve("bundles/procura-1.2.0.zip"))).isEqualTo(Files.readAllBytes(bundle120));
        assertThat(Files.readString(repo.dir.resolve("channels/live/targets.json"))).doesNotContain("1.3.0");
    }

    @Test
    void promotionSkippingPreReleaseIsRefused() {
        CliResult result = repo.release("promote", "--repo", repo.dir.toString(), "--keys", repo.keys.toString(),
                "--from", "feature", "--to", "live", "1.3.0");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("'feature' -> 'live' is not such a step");
    }

    @Test
    void planChangesNothingAndApplyWalksTheRequiredStop() throws Exception {
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-path"), repo.dir, bundle100, "live", tls, Map.of())) {
            CliResult plan = appliance.upgrade("plan");
            assertThat(plan.exitCode()).as(plan.output()).isZero();
            assertThat(plan.output()).contains("hop 1: 1.0.0 -> 1.1.0", "hop 2: 1.1.0 -> 1.2.0", "nothing was changed");
            assertThat(appliance.currentVersion()).isEqualTo("1.0.0");
            assertThat(appliance.layout.history()).doesNotExist();

            CliResult apply = appliance.upgrade("apply");
            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("upgraded 1.0.0 -> 1.1.0", "upgraded 1.1.0 -> 1.2.0");
            assertThat(appliance.currentVersion()).isEqualTo("1.2.0");
            assertThat(appliance.readyVersion()).contains("1.2.0");
            assertThat(appliance.database()).contains("schema 1.1.0", "schema 1.2.0");
            assertThat(appliance.installedReleases()).as("the running and the previous release are kept").containsExactly("1.1.0", "1.2.0");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(appliance.layout.snapshotsDir())))
                    .as("database snapshots, which a rollback runs as the database root, are root's alone").isEqualTo("rwx------");

            CliResult status = appliance.upgrade("status");
            assertThat(status.output()).contains("installed:   1.2.0", "channel:     live", "up to date",
                    "committed 1.1.0 -> 1.2.0", "Procura 1.2.0: faster order confirmations");
            String audit = appliance.file(appliance.layout.auditLog());
            for (String step : new String[] {"PREFLIGHT", "SNAPSHOT", "INSTALL", "SWITCH", "RESTART", "HEALTH"}) {
                assertThat(audit).contains("\"action\":\"step-done:" + step + "\"");
            }
            assertThat(audit).contains("\"action\":\"committed:COMMIT\"");
        }
    }

    @Test
    void minimumUpgradeFromIsExplainedAndBridgedOnTheFeatureChannel() throws Exception {
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-feature"), repo.dir, bundle100, "feature", tls,
                Map.of())) {
            CliResult plan = appliance.upgrade("plan");
            assertThat(plan.output()).contains("hop 1: 1.0.0 -> 1.1.0", "hop 2: 1.1.0 -> 1.2.0", "hop 3: 1.2.0 -> 1.3.0");

            CliResult apply = appliance.upgrade("apply");
            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(appliance.readyVersion()).contains("1.3.0");

            CliResult toLive = appliance.upgrade("channel", "set", "live");
            assertThat(toLive.exitCode()).as(toLive.output()).isZero();
            assertThat(toLive.output()).contains("now following channel 'live'", "installed 1.3.0 is newer than anything on 'live'",
                    "no downgrade");
            assertThat(appliance.upgrade("apply").output()).contains("nothing to apply");
            assertThat(appliance.currentVersion()).isEqualTo("1.3.0");
            assertThat(appliance.upgrade("status").output()).contains("channel:     live", "newer than anything on live");
        }
    }

    @Test
    void offlineApplianceImportsABundleFromACopiedRepository() throws Exception {
        Path usbStick = repo.copyTo(temp.resolve("usb-stick"));
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-offline"), usbStick, bundle100, "live", tls,
                Map.of("repository", ""))) {
            assertThat(appliance.upgrade("status").output()).contains("installed:   1.0.0", "this appliance is offline",
                    "procura-upgrade import BUNDLE");

            CliResult imported = appliance.upgrade("import", usbStick.resolve("bundles/procura-1.1.0.zip").toString());

            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(imported.output()).contains("upgraded 1.0.0 -> 1.1.0");
            assertThat(appliance.readyVersion()).contains("1.1.0");
        }
    }

    @Test
    void automaticUpgradeWaitsForTheMaintenanceWindowOfTheChannel() throws Exception {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-auto"), repo.dir, bundle100, "live", tls,
                Map.of("auto.timezone", "UTC", "auto.window.live", tomorrow + " 00:00-24:00", "auto.window.feature", "Mon-Sun 00:00-24:00"))) {
            CliResult outside = appliance.upgrade("auto");

            assertThat(outside.exitCode()).as(outside.output()).isZero();
            assertThat(outside.output()).contains("no automatic upgrade: outside the maintenance window of channel 'live' ("
                    + tomorrow + " 00:00-00:00 UTC); it opens next at " + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00Z[UTC]");
            assertThat(appliance.currentVersion()).isEqualTo("1.0.0");
            assertThat(Files.readString(appliance.layout.statusFile())).contains("\"automaticUpgrades\" : \"" + tomorrow);

            assertThat(appliance.upgrade("channel", "set", "pre-release").exitCode()).isZero();
            assertThat(appliance.upgrade("auto").output()).contains("automatic upgrades are off for channel 'pre-release'");
            assertThat(appliance.currentVersion()).isEqualTo("1.0.0");

            assertThat(appliance.upgrade("channel", "set", "feature").exitCode()).isZero();
            CliResult inside = appliance.upgrade("auto");

            assertThat(inside.exitCode()).as(inside.output()).isZero();
            assertThat(inside.output()).contains("OK      upgraded 1.0.0 -> 1.1.0", "OK      upgraded 1.1.0 -> 1.2.0",
                    "OK      upgraded 1.2.0 -> 1.3.0");
            assertThat(appliance.readyVersion()).contains("1.3.0");
        }
    }
}
