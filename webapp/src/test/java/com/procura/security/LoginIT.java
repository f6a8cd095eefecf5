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

class LoginIT {
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
    void pagesRedirectToLoginUntilLoggedIn() {
        HttpResponse<String> response = app.client().get("/orders?status=NEW");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Forders%3Fstatus%3DNEW");
    }

    @Test
    void loginLandsOnTheDashboardWithAFreshSecureSessionCookie() {
        WebClient client = app.client();
        client.get("/login");
        String before = client.sessionId();
        HttpResponse<String> response = client.login("buyer", TestApp.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("PROCURA_SESSION=")
                        .contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(client.get("/dashboard").body()).contains("Welcome, Berit Buyer");
    }

    @Test
    void loginReturnsToThePageAskedForFirst() {
        WebClient client = app.client();
        HttpResponse<String> response = client.submit("/login?next=/suppliers", "/login",
                Map.of("username", "buyer", "password", TestApp.PASSWORD, "next", "/suppliers"));
        assertThat(response.headers().firstValue("Location")).hasValue("/suppliers");
    }

    @Test
    void loginNeverRedirectsToAnotherSite() {
        WebClient client = app.client();
        HttpResponse<String> response = client.submit("/login", "/login",
                Map.of("username", "buyer", "password", TestApp.PASSWORD, "next", "//evil.example/x"));
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = app.client().login("buyer", "not-the-password-at-all");
        HttpResponse<String> unknownUser = app.client().login("nobody-here", "not-the-password-at-all");
        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
        assertThat(wrongPassword.body()).contains(LoginServlet.FAILED);
        assertThat(unknownUser.body()).contains(LoginServlet.FAILED);
    }

    @Test
    void unknownUserTakesAsLongToRefuseAsAWrongPassword() {
        app.client().login("nobody-warmup", "x-warmup-password");
        long unknown = 0;
        long wrong = 0;
        for (int i = 0; i < 5; i++) {
            unknown += timed(() -> app.client().login("nobody-" + System.nanoTime(), "not-the-password-at-all"));
            // Not "buyer": five failures lock an account for this address, and the other tests log in as buyer.
            wrong += timed(() -> app.client().login("supplier2", "not-the-password-at-all"));
        }
        // Both run one Argon2id verification (~40 ms); without the dummy hash the unknown user answered in ~1 ms.
        assertThat(unknown / 5).isGreaterThan(wrong / 5 / 3);
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void overLongCredentialsAreRefusedLikeWrongOnes() {
        HttpResponse<String> response = app.client().login("b".repeat(5000), "p".repeat(5000));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(LoginServlet.FAILED);
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        WebClient client = app.client();
        client.get("/login");
        HttpResponse<String> response = client.post("/login", Map.of("username", "buyer", "password", TestApp.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(client.get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        WebClient client = app.client();
        client.login("buyer", TestApp.PASSWORD);
        assertThat(client.get("/orders").statusCode()).isEqualTo(200);
        HttpResponse<String> response = client.logout();
        assertThat(response.headers().firstValue("Location")).hasValue("/login?logged-out");
        assertThat(client.get("/orders").statusCode()).isEqualTo(302);
    }

    @Test
    void logoutByLinkIsNotPossible() {
        WebClient client = app.client();
        client.login("buyer", TestApp.PASSWORD);
        assertThat(client.get("/logout").statusCode()).isEqualTo(405);
        assertThat(client.get("/orders").statusCode()).isEqualTo(200);
    }
}
