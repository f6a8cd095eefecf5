package com.procura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.Procura;
import com.procura.platform.config.DatabaseConfig;
import com.procura.security.SecurityDecision;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hash chain of the audit log detects an edited, a removed and a truncated entry. */
class AuditChainIT {
    @TempDir
    Path folder;

    private static void sql(TestApp app, String statement) throws SQLException {
        try (Connection connection = app.app().database().dataSource().getConnection();
             Statement update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    private static AuditVerifier.Result verify(TestApp app) {
        return new AuditVerifier(app.app().database().dataSource()).verify();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void loginsAndFailuresAreChainedAndAnEditedRowIsFound(TestDatabases.Engine engine) throws SQLException {
        try (TestApp app = TestApp.demo(folder, engine)) {
            app.client().login("buyer", TestApp.PASSWORD);
            app.client().login("buyer", "wrong-password-here");
            app.client().login("admin", TestApp.PASSWORD);
            AuditVerifier.Result intact = verify(app);
            assertThat(intact.intact()).isTrue();
            assertThat(intact.entries()).isEqualTo(3);
            assertThat(intact.message()).startsWith("3 entries, chain intact");
            java.util.TimeZone zone = java.util.TimeZone.getDefault();
            try {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(
                        zone.getID().equals("America/New_York") ? "Asia/Tokyo" : "America/New_York"));
                assertThat(verify(app).intact()).as("verified in another time zone").isTrue();
            } finally {
                java.util.TimeZone.setDefault(zone);
            }

            sql(app, "UPDATE audit_log SET actor = 'someone-else' WHERE id = 2");
            AuditVerifier.Result edited = verify(app);
            assertThat(edited.intact()).isFalse();
            assertThat(edited.message()).startsWith("entry 2 (LOGIN_FAILED at").endsWith("was altered: its content does not match its hash");
            assertThat(edited.entries()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void removedAndTruncatedEntriesAreFound(TestDatabases.Engine engine) throws SQLException {
        try (TestApp app = TestApp.demo(folder, engine)) {
            for (int i = 0; i < 4; i++) {
                app.app().audit().decided(SecurityDecision.of(SecurityDecision.Kind.POLICY_CHANGED, "admin", "127.0.0.1",
                        "policy", "change " + i));
            }
            sql(app, "DELETE FROM audit_log WHERE id = 4");
            assertThat(verify(app).message()).isEqualTo("entries 4 to 4 are missing (removed from the end)");
            sql(app, "DELETE FROM audit_log WHERE id = 2");
            assertThat(verify(app).message()).isEqualTo("entry 2 is missing (the next entry is 3)");
        }
    }

    @Test
    void verifyCommandReportsAnIntactChainAndExitsNonZeroForATamperedOne() throws Exception {
        DatabaseConfig database;
        try (TestApp app = TestApp.demo(folder, TestDatabases.Engine.H2)) {
            app.client().login("buyer", TestApp.PASSWORD);
            app.client().login("support", TestApp.PASSWORD);
            database = new DatabaseConfig(app.app().config().database().url(), "procura", "", 2);
        }
        Path config = folder.resolve("procura.properties");
        Files.writeString(config, "data.dir=" + folder + "\ndatabase.url=" + database.url() + "\ndatabase.user=procura\n");

        Run intact = run("audit", "verify", "--config", config.toString());
        assertThat(intact.exitCode).isZero();
        assertThat(intact.out).startsWith("2 entries, chain intact (last hash ");

        try (Connection connection = java.sql.DriverManager.getConnection(database.url(), "procura", "");
             Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE audit_log SET client_ip = '10.0.0.1' WHERE id = 1");
        }
        Run tampered = run("audit", "verify", "--config", config.toString());
        assertThat(tampered.exitCode).isEqualTo(AuditCommand.TAMPERED);
        assertThat(tampered.out).startsWith("Audit log TAMPERED: entry 1 (LOGIN at ")
                .contains("(0 entries before it are intact)");
    }

    private record Run(int exitCode, String out) {
    }

    private static Run run(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Procura.commandLine().execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
