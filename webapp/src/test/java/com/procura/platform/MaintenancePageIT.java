package com.procura.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.platform.config.DatabaseConfig;
import com.procura.platform.config.Mode;
import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.config.SecurityConfig;
import com.procura.platform.config.ServerConfig;
import com.procura.platform.config.TlsConfig;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While Procura opens and migrates its database (as after an upgrade), its ports answer with a maintenance page. */
public class MaintenancePageIT {
    private static final CountDownLatch DATABASE_PHASE = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Called by H2 for each new connection (the URL's INIT): holds the start in its database phase until released. */
    public static int holdStartup() throws InterruptedException {
        DATABASE_PHASE.countDown();
        RELEASE.await(60, TimeUnit.SECONDS);
        return 0;
    }

    @TempDir
    Path folder;

    @Test
    void portsAnswerWithAMaintenancePageUntilTheApplicationIsThere() throws Exception {
        int https = freePort();
        int http = freePort();
        DatabaseConfig database = new DatabaseConfig("jdbc:h2:file:" + folder.resolve("db/procura")
                + ";DB_CLOSE_ON_EXIT=FALSE;INIT=CREATE ALIAS IF NOT EXISTS HOLD_STARTUP FOR '"
                + MaintenancePageIT.class.getName() + ".holdStartup'\\;CALL HOLD_STARTUP()", "sa", "", 4);
        ProcuraConfig config = new ProcuraConfig(Mode.PRODUCTION, folder, folder.resolve("logs"),
                new ServerConfig("127.0.0.1", https, http, "localhost"), new TlsConfig(Optional.empty(), Optional.empty()),
                database, 30, SecurityConfig.defaults(Mode.PRODUCTION), folder.resolve("upgrade-state"));

        CompletableFuture<Application> starting = CompletableFuture.supplyAsync(() -> Application.start(config));
        while (!DATABASE_PHASE.await(100, TimeUnit.MILLISECONDS)) {
            assertThat(starting).as("the start reaches its database phase").isNotDone();
        }
        try {
            WebClient client = new WebClient("https://localhost:" + https, folder.resolve("tls/procura.crt"));

            HttpResponse<String> page = client.get("/orders");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(page.body()).contains("<h1>Procura is starting</h1>", "http-equiv=\"refresh\"");
            HttpResponse<String> health = client.get("/health/ready");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"STARTING\"}");
            HttpResponse<String> plain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/orders")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as("plain HTTP still only redirects").isEqualTo(301);
        } finally {
            RELEASE.countDown();
        }

        try (Application application = starting.get(120, TimeUnit.SECONDS).startBackgroundWork()) {
            WebClient client = new WebClient("https://localhost:" + application.httpsPort(), folder.resolve("tls/procura.crt"));
            assertThat(application.httpsPort()).isEqualTo(https);
            assertThat(client.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(client.get("/setup").body()).as("the application itself, in production mode without an admin")
                    .contains("setup token");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
