package com.procura.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerIT {
    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.demo(folder);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void plainHttpOnlyRedirectsToTheSamePathOnHttps() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.app().httpPort() + "/orders?status=NEW")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://localhost:" + app.app().httpsPort() + "/orders?status=NEW");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/login", "/health/live", "/no-such-page", "/static/app.css"}) {
            HttpResponse<String> response = app.client().get(path);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValue("max-age=31536000; includeSubDomains");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void unknownPageIsA404PageWithoutServerDetails() {
        var client = app.client();
        client.login("buyer", TestApp.PASSWORD);
        HttpResponse<String> response = client.get("/orders/not-a-number");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no such page or record.")
                .doesNotContain("Tomcat").doesNotContain("Exception");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void sessionIdNeverAppearsInUrls() {
        String page = app.client().get("/login").body();
        assertThat(page).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void healthAnswersWithoutLogin() {
        assertThat(app.client().get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = app.client().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    @Test
    void healthTellsCallersOnThisMachineTheVersion() {
        assertThat(app.client().get("/health/ready").body()).contains("\"version\":\"" + com.procura.Procura.version() + "\"");
    }
}
