package com.procura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code procura} command as an admin or sales engineer runs it. */
class CommandLineIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String PASSWORD = "demo-password-for-tests";

    @TempDir
    Path folder;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int httpsOf(ProcuraProcess procura) {
        Matcher port = Pattern.compile("running at https://localhost:(\\d+)/").matcher(procura.output());
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private Path productionConfig(Path data, int https, String url, String user, String password) throws IOException {
        Path config = folder.resolve("procura.properties");
        Files.writeString(config, """
                mode=production
                data.dir=%s
                server.https.port=%d
                server.http.port=%d
                database.url=%s
                database.user=%s
                database.password=%s
                """.formatted(data, https, freePort(), url, user, password));
        return config;
    }

    private static WebClient client(Path dataDir, int httpsPort) {
        return new WebClient("https://localhost:" + httpsPort, dataDir.resolve("tls/procura.crt"));
    }

    @Test
    void versionIsPrinted() throws Exception {
        try (ProcuraProcess procura = ProcuraProcess.start("--version")) {
            assertThat(procura.exitCode(START)).isZero();
            assertThat(procura.output()).startsWith("procura 0.");
        }
    }

    @Test
    void badConfigurationListsEveryProblemAndStartsNothing() throws Exception {
        Path config = folder.resolve("procura.properties");
        Files.writeString(config, """
                data.dir=%s
                server.https.port=eighty
                server.htps.port=8443
                database.user=procura
                """.formatted(folder.resolve("data")));
        try (ProcuraProcess procura = ProcuraProcess.start("serve", "--config", config.toString())) {
            assertThat(procura.exitCode(START)).isEqualTo(2);
            assertThat(procura.output())
                    .contains("has 3 problem(s)")
                    .contains("server.https.port='eighty' is not a whole number: expected 1-65535")
                    .contains("unknown key 'server.htps.port'")
                    .contains("database.url is missing")
                    .doesNotContain("\tat ");
        }
        assertThat(folder.resolve("data")).doesNotExist();
    }

    @Test
    void unreachableDatabaseIsNamedWithTheFix() throws Exception {
        Path config = folder.resolve("procura.properties");
        Files.writeString(config, """
                data.dir=%s
                server.https.port=%d
                server.http.port=%d
                database.url=jdbc:mariadb://127.0.0.1:1/procura
                database.user=procura
                database.password=secret-not-printed
                """.formatted(folder.resolve("data"), freePort(), freePort()));
        try (ProcuraProcess procura = ProcuraProcess.start("serve", "--config", config.toString())) {
            assertThat(procura.exitCode(START)).isEqualTo(3);
            assertThat(procura.output())
                    .contains("Cannot connect to the database jdbc:mariadb://127.0.0.1:1/procura as user 'procura'")
                    .contains("Check that the database server is running")
                    .doesNotContain("secret-not-printed")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void certificateFileThatIsNoPemIsNamedWithTheFix() throws Exception {
        Path certificate = Files.writeString(folder.resolve("procura.crt"), "this is not a certificate\n");
        Path key = Files.writeString(folder.resolve("procura.key"), "neither is this a key\n");
        Path config = folder.resolve("procura.properties");
        Files.writeString(config, """
                data.dir=%s
                server.https.port=%d
                server.http.port=%d
                tls.certificate-file=%s
                tls.key-file=%s
                database.url=jdbc:h2:file:%s
                database.user=procura
                """.formatted(folder.resolve("data"), freePort(), freePort(), certificate, key, folder.resolve("data/db")));
        try (ProcuraProcess procura = ProcuraProcess.start("serve", "--config", config.toString())) {
            assertThat(procura.exitCode(START)).isEqualTo(3);
            assertThat(procura.output())
                    .contains("tls.certificate-file " + certificate + " does not hold a PEM certificate (no PEM block found)")
                    .contains("Expected an unencrypted PEM file")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void portInUseIsNamedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
             ProcuraProcess procura = ProcuraProcess.start("demo", "--data-dir", folder.toString(),
                     "--https-port", String.valueOf(taken.getLocalPort()), "--http-port", String.valueOf(freePort()),
                     "--password", PASSWORD)) {
            assertThat(procura.exitCode(START)).isEqualTo(3);
            assertThat(procura.output()).contains("is already in use").contains("--https-port").doesNotContain("\tat ");
        }
    }

    @Test
    void demoKeepsItsDataAcrossRestartsAndResetMakesItPristine() throws Exception {
        int https = freePort();
        int http = freePort();
        String[] demo = {"demo", "--data-dir", folder.toString(), "--https-port", String.valueOf(https),
            "--http-port", String.valueOf(http), "--password", PASSWORD};
        try (ProcuraProcess first = ProcuraProcess.start(demo)) {
            first.awaitOutput("Stop with Ctrl+C", START);
            assertThat(first.output()).contains("admin", "buyer", "supplier", PASSWORD);
            client(folder, https).login("buyer", PASSWORD);
            client(folder, https).login("first-run-marker", "wrong-password-here");
            assertThat(first.stop()).isEqualTo(ProcuraProcess.STOPPED_BY_SIGTERM);
        }
        try (ProcuraProcess second = ProcuraProcess.start("demo", "--data-dir", folder.toString(),
                "--https-port", String.valueOf(https), "--http-port", String.valueOf(http))) {
            second.awaitOutput("Stop with Ctrl+C", START);
            assertThat(second.output()).contains(PASSWORD);
            WebClient admin = client(folder, https);
            assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(302);
            assertThat(admin.get("/admin/access-log?account=first-run-marker").body()).contains("LOGIN_FAILED");
            assertThat(second.stop()).isEqualTo(ProcuraProcess.STOPPED_BY_SIGTERM);
        }
        try (ProcuraProcess reset = ProcuraProcess.start(demo[0], demo[1], demo[2], demo[3], demo[4], demo[5], demo[6],
                "--reset", "--password", PASSWORD)) {
            reset.awaitOutput("Stop with Ctrl+C", START);
            assertThat(reset.output()).contains("reset to the pristine demo");
            WebClient admin = client(folder, https);
            admin.login("admin", PASSWORD);
            assertThat(admin.get("/admin/access-log?account=first-run-marker").body()).contains("No entries match.");
            assertThat(admin.get("/orders").body()).contains("36 orders");
            assertThat(reset.stop()).isEqualTo(ProcuraProcess.STOPPED_BY_SIGTERM);
        }
    }

    @Test
    void secondDemoOnTheSameDataFolderSaysItIsInUse() throws Exception {
        try (ProcuraProcess first = ProcuraProcess.start("demo", "--data-dir", folder.toString(),
                "--https-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()),
                "--password", PASSWORD)) {
            first.awaitOutput("Stop with Ctrl+C", START);
            try (ProcuraProcess second = ProcuraProcess.start("demo", "--data-dir", folder.toString(),
                    "--https-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()))) {
                assertThat(second.exitCode(START)).isEqualTo(3);
                assertThat(second.output()).contains("is in use by another Procura process").doesNotContain("\tat ");
            }
            try (ProcuraProcess reset = ProcuraProcess.start("demo", "--data-dir", folder.toString(), "--reset",
                    "--https-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()))) {
                assertThat(reset.exitCode(START)).isEqualTo(3);
                assertThat(reset.output()).contains("cannot reset: The data folder").contains("in use by another Procura process");
            }
            WebClient buyer = client(folder, httpsOf(first));
            assertThat(buyer.login("buyer", PASSWORD).statusCode()).isEqualTo(302);
            assertThat(buyer.get("/orders").body()).contains("36 orders");
        }
    }

    @Test
    void productionStartHasNoDefaultPasswordOnlyASetupToken() throws Exception {
        var database = TestDatabases.create(TestDatabases.Engine.MARIADB, folder);
        int https = freePort();
        Path data = folder.resolve("data");
        Path config = productionConfig(data, https, database.url(), database.user(), database.password());
        try (ProcuraProcess procura = ProcuraProcess.start("serve", "--config", config.toString())) {
            procura.awaitOutput("(also in", START);
            Matcher token = Pattern.compile("setup token:\\n\\s+(\\S+)").matcher(procura.output());
            assertThat(token.find()).as(procura.output()).isTrue();
            assertThat(Files.readString(data.resolve("setup-token")).trim()).isEqualTo(token.group(1));

            WebClient visitor = client(data, https);
            assertThat(visitor.get("/login").headers().firstValue("Location")).hasValue("/setup");
            HttpResponse<String> wrong = visitor.submit("/setup", "/setup", Map.of("token", "guessed-token",
                    "username", "chief", "displayName", "Chief Admin", "password", "a-long-admin-password",
                    "confirm", "a-long-admin-password"));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("The setup token is not right");

            HttpResponse<String> done = visitor.submit("/setup", "/setup", Map.of("token", token.group(1),
                    "username", "chief", "displayName", "Chief Admin", "password", "a-long-admin-password",
                    "confirm", "a-long-admin-password"));
            assertThat(done.headers().firstValue("Location")).hasValue("/login");
            assertThat(data.resolve("setup-token")).doesNotExist();
            assertThat(visitor.login("chief", "a-long-admin-password").headers().firstValue("Location"))
                    .hasValue("/dashboard");
            assertThat(client(data, https).get("/setup").headers().firstValue("Location")).hasValue("/login");
            assertThat(procura.stop()).isEqualTo(ProcuraProcess.STOPPED_BY_SIGTERM);
        } finally {
            TestDatabases.drop(database);
        }
    }

    @Test
    void createAdminPrintsAOneTimePasswordThatMustBeChangedBeforeAnythingElse() throws Exception {
        int https = freePort();
        Path data = folder.resolve("data");
        Path config = productionConfig(data, https, "jdbc:h2:file:" + data.resolve("db/procura"), "procura", "");
        String password;
        try (ProcuraProcess create = ProcuraProcess.start("user", "create-admin", "--config", config.toString(),
                "--username", "nightshift")) {
            assertThat(create.exitCode(START)).as(create.output()).isZero();
            Matcher printed = Pattern.compile("One-time password.*\\n\\s+(\\S+)").matcher(create.output());
            assertThat(printed.find()).as(create.output()).isTrue();
            password = printed.group(1);
        }
        try (ProcuraProcess again = ProcuraProcess.start("user", "create-admin", "--config", config.toString(),
                "--username", "nightshift")) {
            assertThat(again.exitCode(START)).isEqualTo(1);
            assertThat(again.output()).contains("an account named 'nightshift' exists already");
        }
        try (ProcuraProcess procura = ProcuraProcess.start("serve", "--config", config.toString())) {
            procura.awaitOutput("running at https://", START);
            WebClient admin = client(data, https);
            assertThat(admin.login("nightshift", password).headers().firstValue("Location"))
                    .hasValue("/account/password");
            assertThat(admin.get("/admin/security").headers().firstValue("Location")).hasValue("/account/password");
        }
    }
}
