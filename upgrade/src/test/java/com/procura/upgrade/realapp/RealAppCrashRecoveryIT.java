package com.procura.upgrade.realapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.appliance.UpgradeStep;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.ReleaseRepo;
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
 * {@code apply} from the real A to a real B runs in a child JVM that halts (as with kill -9) before a given step; the
 * next run of the upgrade manager finishes the upgrade (health already passed) or rolls it back, leaving the real
 * application running on a consistent database: the administrator created under A still logs in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAppCrashRecoveryIT {

    private static final String ADMIN = "upgrade-admin";
    private static final String PASSWORD = "Kettle-Orchard-Lantern-41";

    @TempDir
    static Path temp;

    Path cds;
    ReleaseRepo repo;
    String versionA;
    String versionB;
    Path bundleA;

    @BeforeAll
    void publishAAndB() throws Exception {
        cds = temp.resolve("cds");
        Path jar = ProcuraBuilds.builtJar();
        versionA = ProcuraBuilds.versionOf(jar);
        List<Integer> a = ReleaseVersion.parse(versionA).numbers();
        versionB = a.get(0) + "." + (a.get(1) + 1) + ".0";
        repo = ReleaseRepo.create(temp.resolve("publisher"));
        bundleA = repo.bundleJar(jar, "Procura " + versionA);
        repo.publishToLive(bundleA, versionA);
        Path jarB = ProcuraBuilds.variant(jar, temp.resolve("jars"), versionB,
                Map.of("V1000__upgrade_test_notes.sql", "CREATE TABLE upgrade_test_note (id INT PRIMARY KEY, note VARCHAR(100));"));
        repo.publishToLive(repo.bundleJar(jarB, "Procura " + versionB, "--min-upgrade-from", versionA), versionB);
    }

    @ParameterizedTest
    @EnumSource(UpgradeStep.class)
    void processKilledBeforeStepIsRecoveredByTheNextRun(UpgradeStep crashAt) throws Exception {
        try (RealAppliance appliance = RealAppliance.install(temp.resolve("appliance-" + crashAt), repo.dir, bundleA, "live", cds,
                Map.of())) {
            appliance.createFirstAdmin(ADMIN, PASSWORD);

            int exit = applyInChildJvmHaltingAt(appliance, crashAt);
            assertThat(exit).isEqualTo(CrashAtStepMain.HALT_CODE);
            if (crashAt != UpgradeStep.PREFLIGHT) {
                assertThat(appliance.layout.journal()).exists();
            }
            if (crashAt.compareTo(UpgradeStep.SWITCH) > 0) {
                assertThat(appliance.currentVersion()).as("killed after the switch").isEqualTo(versionB);
            }

            CliResult recovery = appliance.upgrade("recover");

            assertThat(recovery.exitCode()).as(recovery.output()).isZero();
            assertThat(appliance.layout.journal()).doesNotExist();
            if (crashAt == UpgradeStep.COMMIT) {
                assertThat(recovery.output()).contains("had passed its health check; committed");
                assertThat(appliance.readyVersion()).contains(versionB);
                assertThat(appliance.installedReleases()).containsExactly(versionA, versionB);
            } else {
                if (crashAt == UpgradeStep.PREFLIGHT) {
                    assertThat(recovery.output()).contains("nothing to recover");
                } else if (crashAt.compareTo(UpgradeStep.SWITCH) <= 0) {
                    assertThat(recovery.output()).contains("abandoned before the switch");
                } else {
                    assertThat(recovery.output()).contains("rolled back to " + versionA);
                }
                assertThat(appliance.currentVersion()).isEqualTo(versionA);
                assertThat(appliance.installedReleases()).containsExactly(versionA);
                assertThat(appliance.readyVersion()).contains(versionA);
                assertThat(appliance.upgrade("check").output()).as("an interrupted release is not marked bad")
                        .contains("offered:     " + versionB);
            }
            assertThat(appliance.login(ADMIN, PASSWORD)).as("the data written under A").isPresent();
        }
    }

    private static int applyInChildJvmHaltingAt(RealAppliance appliance, UpgradeStep step) throws Exception {
        Process child = new ProcessBuilder(List.of(RealAppliance.JAVA, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashAtStepMain.class.getName(), appliance.root.toString(), step.name()))
                .redirectErrorStream(true)
                .redirectOutput(appliance.root.resolve("crash-" + step + ".log").toFile())
                .start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return child.exitValue();
    }
}
