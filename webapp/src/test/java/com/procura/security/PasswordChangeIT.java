package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.audit.AuditEntry;
import com.procura.platform.config.Mode;
import com.procura.platform.config.SecurityConfig;
import com.procura.security.policy.SecurityPolicy;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forced password change: by an admin, for generated and for common passwords, and the optional expiry. */
class PasswordChangeIT {
    private static final String COMMON = "1qaz2wsx3edc";
    private static final String NEW_PASSWORD = "a long and new pass phrase";

    @TempDir
    static Path folder;
    static TestApp app;
    static MutableClock clock = MutableClock.now();

    @BeforeAll
    static void start() {
        app = TestApp.demo(folder, TestDatabases.Engine.H2, SecurityConfig.defaults(Mode.DEMO), clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void createUser(String name, String password) {
        app.app().security().users().create(name, "User " + name, null, password, Role.SUPPORT, null);
    }

    private static HttpResponse<String> change(WebClient client, String current, String password) {
        return client.submit("/account/password", "/account/password",
                Map.of("current", current, "password", password, "confirm", password));
    }

    @Test
    void adminForcesAResetAndTheUserCanDoNothingElseUntilItIsDone() {
        createUser("forced", TestApp.PASSWORD);
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        HttpResponse<String> forced = admin.submit("/admin/security", "/admin/security",
                Map.of("action", "force-reset", "account", "forced"));
        assertThat(forced.body()).contains("forced must set a new password at the next login.");

        WebClient user = app.client();
        HttpResponse<String> login = user.login("forced", TestApp.PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValue("/account/password");
        assertThat(user.get("/orders").headers().firstValue("Location")).hasValue("/account/password");
        assertThat(user.get("/account/security").headers().firstValue("Location")).hasValue("/account/password");
        assertThat(user.get("/account/password").body()).contains("You must set a new password");

        HttpResponse<String> changed = change(user, TestApp.PASSWORD, NEW_PASSWORD);
        assertThat(changed.headers().firstValue("Location")).hasValue("/account/security?changed");
        assertThat(user.get("/orders").statusCode()).isEqualTo(200);
        assertThat(app.client().login("forced", NEW_PASSWORD).headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(app.app().audit().latest(200)).extracting(AuditEntry::event)
                .contains("PASSWORD_RESET_FORCED", "PASSWORD_CHANGED");
    }

    @Test
    void commonPasswordIsRefusedAsNewPasswordAndMustBeChangedAtLogin() {
        createUser("weakling", COMMON);
        WebClient user = app.client();
        assertThat(user.login("weakling", COMMON).headers().firstValue("Location")).hasValue("/account/password");
        assertThat(user.get("/account/password").body()).contains("list of common or breached passwords");
        HttpResponse<String> refused = change(user, COMMON, "password1234");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This password is on the list of common or breached passwords");
        HttpResponse<String> tooShort = change(user, COMMON, "short-one");
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(change(user, COMMON, NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(user.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void generatedPasswordMustBeChangedAtFirstLogin() {
        createUser("generated", TestApp.PASSWORD);
        String oneTime = Passwords.generate(5);
        app.app().security().users().changePassword("generated", oneTime, true);
        WebClient user = app.client();
        assertThat(user.login("generated", oneTime).headers().firstValue("Location")).hasValue("/account/password");
        HttpResponse<String> wrongCurrent = change(user, "not-the-current-one", NEW_PASSWORD);
        assertThat(wrongCurrent.body()).contains("Your current password is wrong.");
        assertThat(change(user, oneTime, NEW_PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void adminForcesEveryAccountToChange() {
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        HttpResponse<String> all = admin.submit("/admin/security", "/admin/security",
                Map.of("action", "force-reset", "all", "yes"));
        assertThat(all.body()).contains("must set a new password at their next login.");
        WebClient supplier = app.client();
        assertThat(supplier.login("supplier", TestApp.PASSWORD).headers().firstValue("Location"))
                .hasValue("/account/password");
        assertThat(change(supplier, TestApp.PASSWORD, NEW_PASSWORD).statusCode()).isEqualTo(302);
        app.app().security().users().changePassword("admin", TestApp.PASSWORD, false);
        app.app().security().users().changePassword("buyer", TestApp.PASSWORD, false);
        app.app().security().users().changePassword("supplier", TestApp.PASSWORD, false);
        app.app().security().users().changePassword("supplier2", TestApp.PASSWORD, false);
        app.app().security().users().changePassword("support", TestApp.PASSWORD, false);
    }

    @Test
    void policyFormWithoutCsrfTokenChangesNothing() {
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        HttpResponse<String> refused = admin.post("/admin/security", Map.of("action", "force-reset", "all", "yes"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(app.client().login("buyer", TestApp.PASSWORD).headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void nonAdminCannotOpenOrPostThePolicyPage() {
        WebClient buyer = app.client();
        buyer.login("buyer", TestApp.PASSWORD);
        assertThat(buyer.get("/admin/security").statusCode()).isEqualTo(403);
        assertThat(buyer.submit("/account/security", "/admin/security", Map.of("action", "force-reset", "all", "yes"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void expiryIsOffByDefaultAndItsSettingExplainsWhy() {
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        String page = admin.get("/admin/security").body();
        assertThat(page).contains("id=\"expiryDays\" name=\"expiryDays\" value=\"0\"")
                .contains("NIST SP 800-63B").contains("OWASP ASVS");
    }

    @Test
    void expiredPasswordMustBeChangedWhenExpiryIsOn() {
        createUser("ageing", TestApp.PASSWORD);
        SecurityPolicy policy = app.app().security().policies().current();
        app.app().security().policies().set("password.expiry-days", "30");
        try {
            assertThat(app.client().login("ageing", TestApp.PASSWORD).headers().firstValue("Location"))
                    .hasValue("/dashboard");
            clock.advance(Duration.ofDays(31));
            WebClient user = app.client();
            assertThat(user.login("ageing", TestApp.PASSWORD).headers().firstValue("Location"))
                    .hasValue("/account/password");
            assertThat(user.get("/account/password").body()).contains("older than 30 days");
        } finally {
            app.app().security().policies().set("password.expiry-days", Integer.toString(policy.passwordExpiryDays()));
        }
    }
}
