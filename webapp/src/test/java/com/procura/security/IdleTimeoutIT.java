package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleTimeoutIT {
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
    void sessionOfARoleWithAShortIdleTimeoutEndsOnTheServer() throws InterruptedException {
        app.app().security().policies().setRoleIdle(Role.SUPPORT, 2);
        WebClient client = app.client();
        client.login("support", TestApp.PASSWORD);
        HttpResponse<String> page = client.get("/orders");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-idle-seconds=\"2\"").contains("<script src=\"/static/idle.js\" defer>");
        Thread.sleep(3_500);
        assertThat(client.get("/orders").statusCode()).isEqualTo(302);
        app.app().security().policies().setRoleIdle(Role.SUPPORT, null);
    }

    @Test
    void requestsWithinTheTimeoutKeepTheSessionAlive() throws InterruptedException {
        app.app().security().policies().setRoleIdle(Role.BUYER, 3);
        WebClient client = app.client();
        client.login("buyer", TestApp.PASSWORD);
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1_000);
            assertThat(client.get("/account/keepalive").statusCode()).isEqualTo(204);
        }
        assertThat(client.get("/orders").statusCode()).isEqualTo(200);
        app.app().security().policies().setRoleIdle(Role.BUYER, null);
    }

    @Test
    void companyTimeoutAppliesWhenShorterThanTheRoleDefault() {
        AccountPrincipal supplier = app.app().security().users().loginRecord("supplier").orElseThrow().principal();
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        HttpResponse<String> saved = admin.submit("/admin/security", "/admin/security", Map.of("action",
                "company-idle", "company", supplier.companyId().toString(), "minutes", "7"));
        assertThat(saved.statusCode()).isEqualTo(200);
        WebClient client = app.client();
        client.login("supplier", TestApp.PASSWORD);
        assertThat(client.get("/orders").body()).contains("data-idle-seconds=\"420\"");
        WebClient other = app.client();
        other.login("supplier2", TestApp.PASSWORD);
        assertThat(other.get("/orders").body()).contains("data-idle-seconds=\"1800\"");
    }

    @Test
    void warningScriptIsServedAsAStaticFile() {
        HttpResponse<String> script = app.client().get("/static/idle.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(script.body()).contains("idle-warning").contains("/login?timeout");
    }
}
