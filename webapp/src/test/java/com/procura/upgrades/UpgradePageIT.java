package com.procura.upgrades;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade page only asks the upgrade manager to act (a request file in its state folder), for administrators,
 * with the CSRF token, audited. What it shows from real state files of {@code procura-upgrade} is tested in the
 * upgrade module, which runs that tool against this application ({@code RealAppUpgradeIT}).
 */
class UpgradePageIT {
    @TempDir
    static Path folder;
    static Path stateDir;
    static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        stateDir = folder.resolve("procura-upgrade");
        Files.createDirectories(stateDir.resolve("requests"));
        app = TestApp.demo(folder.resolve("app"), stateDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void takeRequests() throws IOException {
        for (Path request : requests()) {
            Files.delete(request);
        }
    }

    private static List<Path> requests() throws IOException {
        try (Stream<Path> files = Files.list(stateDir.resolve("requests"))) {
            return files.sorted().toList();
        }
    }

    private static WebClient admin() {
        WebClient client = app.client();
        assertThat(client.login("admin", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    @Test
    void applyIsRequestedFromTheUpgradeManagerAndAudited() throws IOException {
        WebClient admin = admin();

        HttpResponse<String> response = admin.submit("/admin/upgrade", "/admin/upgrade", Map.of("action", "apply"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/upgrade?requested");
        assertThat(requests()).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).contains("-apply-").endsWith(".json");
            assertThat(Files.readString(file)).contains("\"action\":\"apply\"", "\"requestedBy\":\"admin\"");
        });
        assertThat(app.app().audit().latest(5)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo("UPGRADE_REQUESTED");
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.detail()).startsWith("apply (request ");
        });
        HttpResponse<String> page = admin.get("/admin/upgrade?requested");
        assertThat(page.body()).contains("Requested.", "apply, requested by admin", "waiting for the upgrade service");
        assertThat(page.headers().firstValue("Refresh")).as("the page follows the progress").hasValue("3");
    }

    @Test
    void aSecondRequestWaitsUntilTheFirstIsTaken() throws IOException {
        WebClient admin = admin();
        admin.submit("/admin/upgrade", "/admin/upgrade", Map.of("action", "check"));

        HttpResponse<String> second = admin.submit("/admin/upgrade", "/admin/upgrade", Map.of("action", "apply"));

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("still being carried out");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void unknownChannelIsRefusedWithoutARequest() throws IOException {
        HttpResponse<String> response = admin().submit("/admin/upgrade", "/admin/upgrade",
                Map.of("action", "channel", "channel", "nightly"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown channel 'nightly': choose feature, pre-release or live.");
        assertThat(requests()).isEmpty();
    }

    @Test
    void requestWithoutTheCsrfTokenIsRefused() throws IOException {
        HttpResponse<String> response = admin().post("/admin/upgrade", Map.of("action", "apply"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(requests()).isEmpty();
    }

    @Test
    void onlyAdministratorsSeeThePageOrRequestAnything() throws IOException {
        WebClient buyer = app.client();
        buyer.login("buyer", TestApp.PASSWORD);

        assertThat(buyer.get("/admin/upgrade").statusCode()).isEqualTo(403);
        assertThat(buyer.submit("/dashboard", "/admin/upgrade", Map.of("action", "apply")).statusCode()).isEqualTo(403);
        assertThat(buyer.get("/dashboard").body()).doesNotContain("/admin/upgrade");
        assertThat(requests()).isEmpty();
    }

    @Test
    void withoutTheUpgradeManagerThePageSaysSo() throws IOException {
        try (TestApp without = TestApp.demo(folder.resolve("app-without"), folder.resolve("no-such-folder"))) {
            WebClient admin = without.client();
            admin.login("admin", TestApp.PASSWORD);

            assertThat(admin.get("/admin/upgrade").body()).contains("The upgrade manager is not installed on this machine");
        }
    }
}
