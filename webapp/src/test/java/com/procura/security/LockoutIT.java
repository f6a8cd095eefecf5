package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.audit.AuditEntry;
import com.procura.platform.config.Mode;
import com.procura.platform.config.SecurityConfig;
import com.procura.security.lockout.Lock;
import com.procura.security.policy.SecurityPolicy;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lock-out over real HTTPS. The test client is always 127.0.0.1; it is configured as a trusted
 * proxy, so that X-Forwarded-For plays the part of other client addresses.
 */
class LockoutIT {
    @TempDir
    Path folder;

    private static TestApp start(Path folder, TestDatabases.Engine engine, MutableClock clock) {
        SecurityConfig security = new SecurityConfig(List.of("127.0.0.1"), Optional.empty(), SecurityConfig.Sms.file());
        return TestApp.demo(folder, engine, security, clock);
    }

    private static WebClient from(TestApp app, String address) {
        return app.client().header("X-Forwarded-For", address);
    }

    private static List<String> auditEvents(TestApp app) {
        return app.app().audit().latest(500).stream().map(AuditEntry::event).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void fiveWrongPasswordsLockTheAccountForThatAddressOnlyUntilAnAdminLiftsIt(TestDatabases.Engine engine) {
        try (TestApp app = start(folder, engine, MutableClock.now())) {
            for (int i = 0; i < 5; i++) {
                assertThat(from(app, "203.0.113.5").login("buyer", "wrong-password-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = from(app, "203.0.113.5").login("buyer", TestApp.PASSWORD);
            assertThat(locked.statusCode()).isEqualTo(401);
            assertThat(locked.body()).contains(LoginServlet.FAILED);
            assertThat(from(app, "198.51.100.20").login("buyer", TestApp.PASSWORD).statusCode())
                    .as("the same account from another address").isEqualTo(302);

            WebClient admin = from(app, "198.51.100.1");
            admin.login("admin", TestApp.PASSWORD);
            String page = admin.get("/admin/security").body();
            assertThat(page).contains("buyer|203.0.113.5").contains("account from one address");
            HttpResponse<String> lifted = admin.submit("/admin/security", "/admin/security",
                    Map.of("action", "lift", "kind", "PAIR", "subject", "buyer|203.0.113.5"));
            assertThat(lifted.body()).contains("Lock on buyer|203.0.113.5 lifted.").contains("Nothing is locked.");
            assertThat(from(app, "203.0.113.5").login("buyer", TestApp.PASSWORD).statusCode()).isEqualTo(302);
            assertThat(auditEvents(app)).contains("ACCOUNT_IP_LOCKED", "LOGIN_REFUSED", "LOCK_LIFTED");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void lockEndsAfterItsTimeAndTheNextLockLastsTwiceAsLong(TestDatabases.Engine engine) {
        MutableClock clock = MutableClock.now();
        try (TestApp app = start(folder, engine, clock)) {
            for (int i = 0; i < 5; i++) {
                from(app, "203.0.113.6").login("support", "wrong-password-" + i);
            }
            Instant first = app.app().security().lockout().activeLocks().getFirst().lockedUntil();
            assertThat(Duration.between(clock.instant(), first)).isEqualTo(Duration.ofSeconds(60));

            clock.advance(Duration.ofSeconds(61));
            for (int i = 0; i < 5; i++) {
                from(app, "203.0.113.6").login("support", "wrong-again-" + i);
            }
            Lock second = app.app().security().lockout().activeLocks().getFirst();
            assertThat(second.level()).isEqualTo(2);
            assertThat(Duration.between(clock.instant(), second.lockedUntil())).isEqualTo(Duration.ofSeconds(120));

            clock.advance(Duration.ofSeconds(121));
            assertThat(from(app, "203.0.113.6").login("support", TestApp.PASSWORD).statusCode()).isEqualTo(302);

            clock.advance(Duration.ofDays(2));
            assertThat(app.app().security().lockout().forgetStale()).as("stale counters are deleted").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void addressFailingAcrossManyAccountsIsBlockedEvenWithTheRightPassword(TestDatabases.Engine engine) {
        try (TestApp app = start(folder, engine, MutableClock.now())) {
            SecurityPolicy policy = app.app().security().policies().current();
            app.app().security().policies().setPolicy(new SecurityPolicy(true, 5, 20, 3, 6, 60, 3600, 15,
                    policy.idleSeconds(), Map.of(), Map.of(), 0));
            for (int i = 0; i < 6; i++) {
                from(app, "192.0.2.66").login("guess-" + i, "wrong-password-" + i);
            }
            assertThat(from(app, "192.0.2.66").login("buyer", TestApp.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(from(app, "192.0.2.67").login("buyer", TestApp.PASSWORD).statusCode()).isEqualTo(302);
            assertThat(auditEvents(app)).contains("IP_BLOCKED");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void accountIsLockedEverywhereOnceItIsLockedFromSeveralAddresses(TestDatabases.Engine engine) {
        try (TestApp app = start(folder, engine, MutableClock.now())) {
            SecurityPolicy policy = app.app().security().policies().current();
            app.app().security().policies().setPolicy(new SecurityPolicy(true, 2, 50, 3, 100, 60, 3600, 15,
                    policy.idleSeconds(), Map.of(), Map.of(), 0));
            for (String address : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
                from(app, address).login("supplier", "wrong-password-1");
                from(app, address).login("supplier", "wrong-password-2");
            }
            assertThat(from(app, "198.51.100.77").login("supplier", TestApp.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(app.app().security().lockout().activeLocks())
                    .anySatisfy(lock -> assertThat(lock.kind()).isEqualTo(Lock.Kind.ACCOUNT));
            assertThat(auditEvents(app)).contains("ACCOUNT_LOCKED");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Engine.class, names = "H2")
    void lockedAccountGetsTheSameAnswerInTheSameTimeAsAWrongPassword(TestDatabases.Engine engine) {
        try (TestApp app = start(folder, engine, MutableClock.now())) {
            for (int i = 0; i < 5; i++) {
                from(app, "203.0.113.9").login("supplier2", "wrong-password-" + i);
            }
            from(app, "203.0.113.9").login("nobody-warmup", "wrong-password");
            long locked = 0;
            long wrong = 0;
            String lockedBody = "";
            String wrongBody = "";
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> l = from(app, "203.0.113.9").login("supplier2", TestApp.PASSWORD);
                locked += System.nanoTime() - start;
                start = System.nanoTime();
                HttpResponse<String> w = from(app, "203.0.113.10").login("support", "wrong-password-x" + i);
                wrong += System.nanoTime() - start;
                assertThat(l.statusCode()).isEqualTo(w.statusCode()).isEqualTo(401);
                lockedBody = l.body().replaceAll("value=\"[^\"]*\"", "");
                wrongBody = w.body().replaceAll("value=\"[^\"]*\"", "");
            }
            assertThat(lockedBody).isEqualTo(wrongBody);
            // Both run one Argon2id verification; a locked account answered without it would take ~1 ms.
            assertThat(locked / 5).isGreaterThan(wrong / 5 / 3);
        }
    }
}
