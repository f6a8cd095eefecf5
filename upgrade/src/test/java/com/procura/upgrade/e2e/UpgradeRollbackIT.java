package com.procura.upgrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Releases that fail after the switch are rolled back by themselves, and marked bad until a newer one appears. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeRollbackIT {

    @TempDir
    static Path temp;

    FakeProcuraApp app;
    TlsMaterial tls;

    @BeforeAll
    void prepare() throws Exception {
        app = FakeProcuraApp.compile();
        tls = TlsMaterial.generate(temp.resolve("tls"));
    }

    private ReleaseRepo repoWithFailing110(String name, Behaviour behaviour) throws Exception {
        ReleaseRepo repo = ReleaseRepo.create(temp.resolve(name), app);
        repo.publishToLive(repo.bundle("1.0.0", Behaviour.HEALTHY), "1.0.0");
        repo.publishToLive(repo.bundle("1.1.0", behaviour), "1.1.0");
        return repo;
    }

    @Test
    void failedMigrationRollsBackRestoresTheDatabaseAndMarksTheReleaseBad() throws Exception {
        ReleaseRepo repo = repoWithFailing110("migration", Behaviour.MIGRATION_FAILS);
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-migration"), repo.dir,
                repo.bundle("1.0.0", Behaviour.HEALTHY), "live", tls, Map.of())) {
            String databaseBefore = appliance.database();

            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("upgrade 1.0.0 -> 1.1.0 failed and was rolled back to 1.0.0",
                    "exited with code 3", "migration failed");
            appliance.assertRunningUnchanged("1.0.0");
            assertThat(appliance.database()).isEqualTo(databaseBefore).doesNotContain("half-migrated");
            assertThat(appliance.file(appliance.layout.history())).contains("rollback-started", "rolled-back");

            CliResult status = appliance.upgrade("status");
            assertThat(status.output()).contains("not offered: 1.1.0 - marked bad on this appliance", "up to date");

            repo.publishToLive(repo.bundle("1.1.1", Behaviour.HEALTHY), "1.1.1");
            CliResult fixed = appliance.upgrade("apply");
            assertThat(fixed.exitCode()).as(fixed.output()).isZero();
            assertThat(appliance.readyVersion()).contains("1.1.1");
        }
    }

    @Test
    void releaseThatNeverBecomesReadyIsRolledBackAfterTheHealthTimeout() throws Exception {
        ReleaseRepo repo = repoWithFailing110("never-ready", Behaviour.NEVER_HEALTHY);
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-never-ready"), repo.dir,
                repo.bundle("1.0.0", Behaviour.HEALTHY), "live", tls, Map.of("health.timeout.seconds", "3"))) {
            String databaseBefore = appliance.database();
            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("did not answer 200 within 3 s (last: HTTP 503)", "rolled back to 1.0.0");
            appliance.assertRunningUnchanged("1.0.0");
            assertThat(appliance.database()).isEqualTo(databaseBefore);
        }
    }

    @Test
    void operatorRollbackReturnsToThePreviousReleaseAndItsDatabase() throws Exception {
        ReleaseRepo repo = repoWithFailing110("operator", Behaviour.HEALTHY);
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-operator"), repo.dir,
                repo.bundle("1.0.0", Behaviour.HEALTHY), "live", tls, Map.of())) {
            assertThat(appliance.upgrade("apply").exitCode()).isZero();
            assertThat(appliance.database()).contains("schema 1.1.0");

            CliResult rollback = appliance.upgrade("rollback");

            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(rollback.output()).contains("rolled back 1.1.0 -> 1.0.0");
            appliance.assertRunningUnchanged("1.0.0");
            assertThat(appliance.database()).doesNotContain("schema 1.1.0");
            assertThat(appliance.upgrade("check").output()).contains("1.1.0 - marked bad on this appliance: rolled back by the operator");
        }
    }

    @Test
    void failingDatabaseSnapshotRefusesTheUpgradeBeforeAnyChange() throws Exception {
        ReleaseRepo repo = repoWithFailing110("snapshot-fails", Behaviour.HEALTHY);
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-snapshot-fails"), repo.dir,
                repo.bundle("1.0.0", Behaviour.HEALTHY), "live", tls, Map.of("snapshot.command", "echo 'backup target full' >&2; exit 7"))) {
            CliResult apply = appliance.upgrade("apply");

            assertThat(apply.exitCode()).as(apply.output()).isEqualTo(1);
            assertThat(apply.output()).contains("REFUSED the database snapshot failed", "exit code 7", "backup target full");
            appliance.assertRunningUnchanged("1.0.0");
            assertThat(appliance.upgrade("check").output()).as("not the release's fault: still offered").contains("offered:     1.1.0");
        }
    }
}
