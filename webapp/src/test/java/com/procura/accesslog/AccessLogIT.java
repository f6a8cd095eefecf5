package com.procura.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogIT {
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

    private static List<AccessEvent> eventsOf(String account) {
        app.app().accessLog().flush();
        return new AccessLogSearch(app.app().database().dataSource())
                .find(new AccessLogQuery(account, null, null, null, 100));
    }

    @Test
    void loginRequestsAndLogoutAreRecordedWithAccountIpMethodPathAndStatus() {
        WebClient client = app.client();
        client.login("support", TestApp.PASSWORD);
        client.get("/orders?status=NEW");
        client.get("/suppliers");
        client.logout();

        List<AccessEvent> events = eventsOf("support");
        assertThat(events).extracting(AccessEvent::type).contains(AccessEvent.Type.LOGIN, AccessEvent.Type.REQUEST,
                AccessEvent.Type.LOGOUT);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AccessEvent.Type.REQUEST);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo("/orders?status=NEW");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.clientIp()).isEqualTo("127.0.0.1");
            assertThat(e.at()).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(60));
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/suppliers");
            assertThat(e.status()).isEqualTo(200);
        });
    }

    @Test
    void failedLoginIsRecordedWithTheNameTried() {
        app.client().login("mallory", "guessing-a-password");
        assertThat(eventsOf("mallory")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AccessEvent.Type.LOGIN_FAILED);
            assertThat(e.status()).isEqualTo(401);
        });
    }

    @Test
    void refusedRequestIsRecordedWithItsStatus() {
        WebClient client = app.client();
        client.login("supplier2", TestApp.PASSWORD);
        client.get("/admin/access-log");
        assertThat(eventsOf("supplier2")).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/admin/access-log");
            assertThat(e.status()).isEqualTo(403);
        });
    }

    @Test
    void adminSearchesByAccountAndExportsCsv() {
        app.client().login("mallory2", "guessing-a-password");
        app.app().accessLog().flush();
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);

        String page = admin.get("/admin/access-log?account=mallory2").body();
        assertThat(page).contains("mallory2").contains("LOGIN_FAILED").doesNotContain(">buyer<");

        HttpResponse<String> csv = admin.get("/admin/access-log.csv?account=mallory2");
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp_utc,account,client_ip,event,method,path,status");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"mallory2\",\"127.0.0.1\",LOGIN_FAILED,\"POST\",\"/login\",401");
    }

    @Test
    void searchByTimeRangeExcludesOlderEntries() {
        app.client().login("timed-user", "guessing-a-password");
        app.app().accessLog().flush();
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        String future = admin.get("/admin/access-log?account=timed-user&from=2999-01-01T00:00").body();
        assertThat(future).contains("No entries match.");
        String past = admin.get("/admin/access-log?account=timed-user&from=2000-01-01T00:00&to=2999-01-01T00:00").body();
        assertThat(past).contains("timed-user");
        String bad = admin.get("/admin/access-log?from=yesterday").body();
        assertThat(bad).contains("'from' is not a date and time like 2026-12-03T14:30: yesterday");
    }

    @Test
    void accessLogFileHasOneLinePerEventAndCannotBeForgedByANewline() throws IOException {
        app.client().login("evil\nat=2000 account=\"admin\" event=LOGIN", "guessing-a-password");
        app.app().accessLog().flush();
        List<String> lines = Files.readAllLines(folder.resolve("logs/access.log"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("account=\"evil\\x0aat=2000 account=\\\"admin\\\"")
                .contains("event=LOGIN_FAILED"));
        assertThat(lines).noneMatch(line -> line.startsWith("at=2000"));
    }
}
