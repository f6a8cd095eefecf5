package com.procura.upgrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Publish, promote, upgrade and roll back with a real (fake) application process in a temporary root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeEndToEndIT {

    @TempDir
    static Path temp;

    FakeProcuraApp app;
    TlsMaterial tls;
    ReleaseRepo repo;
    Path bundle100;
    Path bundle110;
    Path bundle120;

    @BeforeAll
    void publishReleases() throws Exception {
        app = FakeProcuraApp.compile();
        tls = TlsMaterial.generate(temp.resolve("tls"));
        repo = ReleaseRepo.create(temp.resolve("publisher"), app);
        bundle100 = repo.bundle("1.0.0", Behaviour.HEALTHY);
        bundle110 = repo.bundle("1.1.0", Behaviour.HEALTHY);
        bundle120 = repo.bundle("1.2.0", Behaviour.HEALTHY, "--required-stop", "1.1.0");
        repo.publishToLive(bundle100, "1.0.0");
        repo.publishToLive(bundle110, "1.1.0");
        repo.publishToLive(bundle120, "1.2.0");
    }

    @Test
    void promotedBundleIsByteForByteTheSameOnEveryChannel() throws Exception {
        String feature = Files.readString(repo.dir.resolve("channels/feature/targets.json"));
        String live = Files.readString(repo.dir.resolve("channels/live/targets.json"));
        String sha = com.procura.upgrade.repo.Ed25519.sha256Hex(Files.readAllBytes(bundle120));
        assertThat(feature).contains(sha);
        assertThat(live).contains(sha);
        assertThat(Files.readAllBytes(repo.dir.resolve("bundles/procura-1.2.0.zip"))).isEqualTo(Files.readAllBytes(bundle120));
    }

    @Test
    void applyWalksTheRequiredStopAndCommits() throws Exception {
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-path"), repo.dir, bundle100, "live", tls, Map.of())) {
            CliResult plan = appliance.upgrade("plan");
            assertThat(plan.exitCode()).as(plan.output()).isZero();
            assertThat(plan.output()).contains("hop 1: 1.0.0 -> 1.1.0", "hop 2: 1.1.0 -> 1.2.0", "nothing was changed");
            assertThat(appliance.currentVersion()).isEqualTo("1.0.0");

            CliResult apply = appliance.upgrade("apply");
            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("upgraded 1.0.0 -> 1.1.0", "upgraded 1.1.0 -> 1.2.0");
            assertThat(appliance.currentVersion()).isEqualTo("1.2.0");
            assertThat(appliance.readyVersion()).contains("1.2.0");
            assertThat(appliance.database()).contains("schema 1.1.0", "schema 1.2.0");

            CliResult status = appliance.upgrade("status");
            assertThat(status.output()).contains("installed:   1.2.0", "channel:     live", "up to date", "committed 1.1.0 -> 1.2.0");
            assertThat(appliance.file(appliance.layout.auditLog())).contains("\"action\":\"committed:COMMIT\"");
        }
    }
}
