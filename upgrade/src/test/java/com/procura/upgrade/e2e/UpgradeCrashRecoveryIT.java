package com.procura.upgrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.appliance.UpgradeStep;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code apply} runs in a child JVM that halts (as with kill -9) before a given step; the next run of the upgrade
 * manager finishes the upgrade (health already passed) or rolls it back, leaving a consistent, running appliance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeCrashRecoveryIT {

    @TempDir
    static Path temp;

    TlsMaterial tls;
    ReleaseRepo repo;
    Path bundle100;

    @BeforeAll
    void publishReleases() throws Exception {
        FakeProcuraApp app = FakeProcuraApp.compile();
        tls = TlsMaterial.generate(temp.resolve("tls"));
        repo = ReleaseRepo.create(temp.resolve("publisher"), app);
        bundle100 = repo.bundle("1.0.0", Behaviour.HEALTHY);
        repo.publishToLive(bundle100, "1.0.0");
        repo.publishToLive(repo.bundle("1.1.0", Behaviour.HEALTHY), "1.1.0");
    }

    @ParameterizedTest
    @EnumSource(UpgradeStep.class)
    void processKilledBeforeStepIsRecoveredByTheNextRun(UpgradeStep crashAt) throws Exception {
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-" + crashAt), repo.dir, bundle100, "live", tls,
                Map.of())) {
            String databaseBefore = appliance.database();

            int exit = applyInChildJvmHaltingAt(appliance, crashAt);
            assertThat(exit).isEqualTo(CrashAtStepMain.HALT_CODE);
            if (crashAt != UpgradeStep.PREFLIGHT) {
                assertThat(appliance.layout.journal()).exists();
            }
            if (crashAt == UpgradeStep.HEALTH) {
                assertThat(appliance.currentVersion()).as("killed after the switch").isEqualTo("1.1.0");
            }

            CliResult recovery = appliance.upgrade("recover");
            assertThat(recovery.exitCode()).as(recovery.output()).isZero();
            assertThat(appliance.layout.journal()).doesNotExist();

            if (crashAt == UpgradeStep.COMMIT) {
                assertThat(recovery.output()).contains("had passed its health check; committed");
                assertThat(appliance.currentVersion()).isEqualTo("1.1.0");
                assertThat(appliance.readyVersion()).contains("1.1.0");
                assertThat(appliance.database()).contains("schema 1.1.0");
            } else {
                if (crashAt == UpgradeStep.PREFLIGHT) {
                    assertThat(recovery.output()).contains("nothing to recover");
                } else if (crashAt.compareTo(UpgradeStep.SWITCH) <= 0) {
                    assertThat(recovery.output()).contains("abandoned before the switch");
                } else {
                    assertThat(recovery.output()).contains("rolled back to 1.0.0");
                }
                appliance.assertRunningUnchanged("1.0.0");
                assertThat(appliance.database()).isEqualTo(databaseBefore);
                assertThat(appliance.upgrade("check").output()).as("an interrupted release is not marked bad")
                        .contains("offered:     1.1.0");
            }
        }
    }

    private static int applyInChildJvmHaltingAt(TestAppliance appliance, UpgradeStep step) throws Exception {
        Process child = new ProcessBuilder(List.of(TestAppliance.JAVA, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashAtStepMain.class.getName(), appliance.root.toString(), step.name()))
                .redirectErrorStream(true)
                .redirectOutput(appliance.root.resolve("crash-" + step + ".log").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return child.exitValue();
    }
}
