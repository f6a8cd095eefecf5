package com.procura.upgrade.realapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.ReleaseRepo;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real builds of Procura: version A is {@code webapp/target/procura.jar} as the reactor built it, version B the same
 * jar with a higher version in its manifest (and, for the failures, a Flyway migration that fails or never ends).
 * Published and promoted with {@code procura-release}; the appliance runs the real application over HTTPS with its H2
 * database, and the data an administrator wrote is checked through the application itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAppUpgradeIT {

    private static final String ADMIN = "upgrade-admin";
    private static final String PASSWORD_UNDER_A = "Kettle-Orchard-Lantern-41";
    private static final String PASSWORD_UNDER_B = "Harbour-Violin-Meadow-73";

    @TempDir
    static Path temp;

    Path cds;
    ReleaseRepo builds;
    String versionA;
    Path bundleA;
    /** The channel repository of the appliance the running test made. */
    ReleaseRepo repo;
    final Map<String, Path> bundles = new HashMap<>();

    @BeforeAll
    void bundleVersionA() throws Exception {
        cds = temp.resolve("cds");
        Path jar = ProcuraBuilds.builtJar();
        versionA = ProcuraBuilds.versionOf(jar);
        builds = ReleaseRepo.create(temp.resolve("builds"));
        bundleA = builds.bundleJar(jar, "Procura " + versionA + " as built");
    }

    /** A version above A: same major, minor + 1, the given patch. */
    private String later(int patch) {
        List<Integer> a = ReleaseVersion.parse(versionA).numbers();
        return a.get(0) + "." + (a.get(1) + 1) + "." + patch;
    }

    /** Each version is built once per run: a version names exactly one jar (as for the per-release CDS archive). */
    private Path bundleB(String version, String notes, Map<String, String> migrations) throws Exception {
        if (bundles.containsKey(version)) {
            return bundles.get(version);
        }
        Path jar = ProcuraBuilds.variant(ProcuraBuilds.builtJar(), temp.resolve("jars"), version, migrations);
        Path bundle = builds.bundleJar(jar, notes, "--min-upgrade-from", versionA);
        bundles.put(version, bundle);
        return bundle;
    }

    private Path bundleWithNotesTable(String version) throws Exception {
        return bundleB(version, "Procura " + version + ": notes table",
                Map.of("V1000__upgrade_test_notes.sql", "CREATE TABLE upgrade_test_note (id INT PRIMARY KEY, note VARCHAR(100));"));
    }

    private RealAppliance applianceOnA(String name, Map<String, String> settings) throws Exception {
        ReleaseRepo repo = ReleaseRepo.create(temp.resolve("repo-" + name));
        repo.publishToLive(bundleA, versionA);
        RealAppliance appliance = RealAppliance.install(temp.resolve("appliance-" + name), repo.dir, bundleA, "live", cds, settings);
        appliance.createFirstAdmin(ADMIN, PASSWORD_UNDER_A);
        this.repo = repo;
        return appliance;
    }

    @Test
    void upgradeAlongTheChannelKeepsTheDataAndRollbackBringsBackTheDataOfA() throws Exception {
        String versionB = later(0);
        try (RealAppliance appliance = applianceOnA("upgrade", Map.of())) {
            assertThat(appliance.readyVersion()).contains(versionA);
            Path bundle = bundleWithNotesTable(versionB);

            repo.publish(bundle, "feature");
            assertThat(appliance.upgrade("check").output()).as("only on feature so far").contains("up to date");
            repo.promote(versionB, "feature", "pre-release");
            repo.promote(versionB, "pre-release", "live");
            assertThat(appliance.upgrade("check").output()).contains("offered:     " + versionB + " in 1 hop(s)");

            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("upgraded " + versionA + " -> " + versionB);
            assertThat(appliance.readyVersion()).contains(versionB);
            var underB = appliance.login(ADMIN, PASSWORD_UNDER_A);
            assertThat(underB).as("the administrator created under A logs in under B").isPresent();
            appliance.changePassword(underB.get(), PASSWORD_UNDER_A, PASSWORD_UNDER_B);
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_B)).isPresent();

            CliResult rollback = appliance.upgrade("rollback");

            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(rollback.output()).contains("rolled back " + versionB + " -> " + versionA + "; database restored");
            assertThat(appliance.readyVersion()).contains(versionA);
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_A)).as("A's pre-upgrade database is back").isPresent();
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_B)).as("the change made under B is gone").isEmpty();
            assertThat(appliance.installedReleases()).containsExactly(versionA);
            assertThat(appliance.history()).contains("\"committed\"", "\"rolled-back\"");
            assertThat(appliance.upgrade("check").output()).contains(versionB + " - marked bad on this appliance: rolled back by the operator");
        }
    }

    @Test
    void failedMigrationRollsBackToAWithItsDatabaseAndMarksTheReleaseBad() throws Exception {
        String broken = later(1);
        try (RealAppliance appliance = applianceOnA("migration", Map.of())) {
            repo.publishToLive(bundleB(broken, "Procura " + broken + ": a migration that fails half-way",
                    Map.of("V1000__half_done.sql", "CREATE TABLE upgrade_half_done (id INT);\nINSERT INTO no_such_table VALUES (1);\n")),
                    broken);

            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("upgrade " + versionA + " -> " + broken + " failed and was rolled back to " + versionA,
                    "exited with code 3", "Failed to execute script V1000__half_done.sql");
            assertThat(appliance.readyVersion()).contains(versionA);
            assertThat(appliance.currentVersion()).isEqualTo(versionA);
            assertThat(appliance.installedReleases()).containsExactly(versionA);
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_A)).as("A starts on its restored database").isPresent();
            assertThat(appliance.upgrade("status").output()).contains("not offered: " + broken + " - marked bad on this appliance");

            String fixed = later(3);
            repo.publishToLive(bundleB(fixed, "Procura " + fixed + ": the migration fixed", Map.of()), fixed);
            CliResult again = appliance.upgrade("apply");
            assertThat(again.exitCode()).as("a newer release is offered again: " + again.output()).isZero();
            assertThat(appliance.readyVersion()).contains(fixed);
        }
    }

    @Test
    void failingSnapshotRefusesTheUpgradeAndStartsAAgain() throws Exception {
        String versionB = later(0);
        try (RealAppliance appliance = applianceOnA("snapshot-fails",
                Map.of("snapshot.command", "echo 'backup target full' >&2; exit 7"))) {
            repo.publishToLive(bundleWithNotesTable(versionB), versionB);

            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("REFUSED the database snapshot failed", "exit code 7", "backup target full");
            assertThat(appliance.readyVersion()).as("A was stopped for the snapshot and runs again").contains(versionA);
            assertThat(appliance.installedReleases()).containsExactly(versionA);
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_A)).isPresent();
            assertThat(appliance.upgrade("check").output()).as("not the release's fault: still offered").contains("offered:     " + versionB);
        }
    }

    @Test
    void releaseThatNeverGetsReadyIsRolledBackAfterTheHealthTimeout() throws Exception {
        String hanging = later(2);
        try (RealAppliance appliance = applianceOnA("never-ready", Map.of("health.timeout.seconds", "6"))) {
            repo.publishToLive(bundleB(hanging, "Procura " + hanging + ": a data migration that never ends",
                    Map.of("V1000__endless.sql", "CREATE ALIAS UPGRADE_TEST_SLEEP FOR 'java.lang.Thread.sleep(long)';\n"
                            + "CALL UPGRADE_TEST_SLEEP(3600000);\n")), hanging);

            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("failed and was rolled back to " + versionA, "did not answer 200 within 6 s");
            assertThat(appliance.readyVersion()).contains(versionA);
            assertThat(appliance.login(ADMIN, PASSWORD_UNDER_A)).isPresent();
            assertThat(appliance.upgrade("status").output()).contains("not offered: " + hanging + " - marked bad on this appliance");
        }
    }

    @Test
    void adminPageShowsWhatTheUpgradeManagerFoundAndItsRequestsRunAsTheUpgradeService() throws Exception {
        String versionB = later(0);
        try (RealAppliance appliance = applianceOnA("page", Map.of())) {
            repo.publishToLive(bundleWithNotesTable(versionB), versionB);
            HttpClient admin = appliance.login(ADMIN, PASSWORD_UNDER_A).orElseThrow();
            assertThat(appliance.upgradePage(admin)).contains("The upgrade manager has not checked for releases yet.");

            appliance.requestFromUpgradePage(admin, Map.of("action", "check"));
            assertThat(appliance.upgradePage(admin)).contains("check, requested by " + ADMIN, "waiting for the upgrade service");
            CliResult check = appliance.upgrade("run-requests");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(appliance.upgradePage(admin)).contains("<dd id=\"installed\">" + versionA + "</dd>",
                    "<dd id=\"channel\">live</dd>", versionB + " (" + versionA + " → " + versionB + ")",
                    "Release notes " + versionB, "notes table", "Upgrade to " + versionB, "Automatic upgrades</dt><dd id=\"automatic\">off");

            appliance.requestFromUpgradePage(admin, Map.of("action", "apply"));
            CliResult apply = appliance.upgrade("run-requests");

            assertThat(apply.exitCode()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("upgraded " + versionA + " -> " + versionB);
            assertThat(appliance.readyVersion()).contains(versionB);
            HttpClient underB = appliance.login(ADMIN, PASSWORD_UNDER_A).orElseThrow();
            assertThat(appliance.upgradePage(underB)).contains("<dd id=\"installed\">" + versionB + "</dd>",
                    "nothing: " + versionB + " is up to date", "request-taken", "apply requested at", "committed");
            assertThat(java.nio.file.Files.readString(appliance.layout.auditLog()))
                    .contains("\"actor\":\"admin page: " + ADMIN + "\"", "\"action\":\"committed:COMMIT\"");

            repo.ok("refresh-timestamp", "--repo", repo.dir.toString(), "--keys", repo.keys.toString(), "--timestamp-lifetime", "PT1S");
            Thread.sleep(1500);
            appliance.requestFromUpgradePage(underB, Map.of("action", "check"));
            appliance.upgrade("run-requests");
            assertThat(appliance.upgradePage(underB)).contains("Updates cannot be verified.", "expired",
                    "Procura keeps running as it is; nothing will be installed until this is resolved.");
            assertThat(appliance.readyVersion()).contains(versionB);
        }
    }
}
