package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.audit.AuditEntry;
import com.procura.platform.config.Mode;
import com.procura.platform.config.SecurityConfig;
import com.procura.security.secondfactor.QrSvgReader;
import com.procura.security.secondfactor.Totp;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMS TAN (demo gateway: DATA/sms-outbox.log) and authenticator-app codes as the second login step. */
class SecondFactorIT {
    private static final Pattern TAN = Pattern.compile("TAN: (\\d{6})");

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

    private static void useSms(String username) {
        long id = app.app().security().users().loginRecord(username).orElseThrow().principal().id();
        AccountSecurityStore store = app.app().security().accountSettings();
        store.save(store.of(id).withSms("+49 170 1234567"));
    }

    private static String lastTan() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("sms-outbox.log"));
        Matcher matcher = TAN.matcher(lines.getLast());
        assertThat(matcher.find()).as("last SMS: " + lines.getLast()).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> enter(WebClient client, String code) {
        return client.submit(SecondFactorServlet.PATH, SecondFactorServlet.PATH, Map.of("code", code));
    }

    private static List<String> audit() {
        return app.app().audit().latest(500).stream().map(AuditEntry::event).toList();
    }

    @Test
    void passwordAloneIsNotEnoughAndTheTanFromTheSmsLogsIn() throws IOException {
        useSms("buyer");
        WebClient client = app.client();
        HttpResponse<String> password = client.login("buyer", TestApp.PASSWORD);
        assertThat(password.headers().firstValue("Location")).hasValue(SecondFactorServlet.PATH);
        assertThat(client.get("/orders").statusCode()).as("not logged in yet").isEqualTo(302);
        HttpResponse<String> tan = enter(client, lastTan());
        assertThat(tan.headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(client.get("/orders").statusCode()).isEqualTo(200);
        assertThat(Files.readString(folder.resolve("logs/procura.log"))).doesNotContain(lastTan());
        assertThat(audit()).contains("TAN_SENT", "TAN_USED");
    }

    @Test
    void tanExpiresFiveMinutesAfterItWasSent() throws IOException {
        useSms("supplier");
        WebClient client = app.client();
        client.login("supplier", TestApp.PASSWORD);
        String tan = lastTan();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> late = enter(client, tan);
        assertThat(late.headers().firstValue("Location")).hasValue("/login?expired");
        assertThat(client.get("/orders").statusCode()).isEqualTo(302);
        assertThat(audit()).contains("TAN_EXPIRED");
    }

    @Test
    void tanWorksOnlyInTheLoginThatRequestedItAndOnlyOnce() throws IOException {
        useSms("supplier2");
        WebClient first = app.client();
        first.login("supplier2", TestApp.PASSWORD);
        String firstTan = lastTan();
        WebClient second = app.client();
        second.login("supplier2", TestApp.PASSWORD);
        String secondTan = lastTan();

        assertThat(enter(second, firstTan).statusCode()).as("another login's TAN").isEqualTo(401);
        WebClient stranger = app.client();
        String csrf = WebClient.csrfOf(stranger.get("/login").body());
        assertThat(stranger.post(SecondFactorServlet.PATH, Map.of("code", firstTan, "_csrf", csrf)).headers()
                .firstValue("Location")).as("a session without a pending login").hasValue("/login");
        assertThat(enter(first, firstTan).headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(enter(second, secondTan).headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(audit()).contains("TAN_REFUSED");
    }

    @Test
    void wrongTansCountTowardLockOut() throws IOException {
        app.app().security().users().create("tanuser", "Tan User", null, TestApp.PASSWORD, Role.SUPPORT, null);
        useSms("tanuser");
        WebClient client = app.client();
        client.login("tanuser", TestApp.PASSWORD);
        String right = lastTan();
        String wrong = right.equals("000000") ? "000001" : "000000";
        assertThat(enter(client, wrong).statusCode()).isEqualTo(401);
        assertThat(enter(client, wrong).statusCode()).isEqualTo(401);
        // The third wrong TAN exhausts this TAN; two more failed logins lock the account for this address.
        enter(client, wrong);
        app.client().login("tanuser", "wrong-password-1");
        app.client().login("tanuser", "wrong-password-2");
        WebClient again = app.client();
        assertThat(again.login("tanuser", TestApp.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(audit()).contains("ACCOUNT_IP_LOCKED");
    }

    @Test
    void authenticatorAppIsSetUpOnTheAccountPageAndItsCodeWorksOnce() throws Exception {
        app.app().security().users().create("totpuser", "Totp User", null, TestApp.PASSWORD, Role.SUPPORT, null);
        WebClient client = app.client();
        client.login("totpuser", TestApp.PASSWORD);
        String page = client.submit("/account/security", "/account/security", Map.of("action", "totp-start")).body();
        assertThat(page).contains("SMS is the weaker second factor").contains("otpauth://totp/Procura%3Atotpuser");
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        Matcher qr = Pattern.compile("<figure id=\"totp-qr\">(<svg .*?</svg>)</figure>").matcher(page);
        assertThat(qr.find()).as("QR code on the page").isTrue();
        String scanned = QrSvgReader.read(qr.group(1));
        assertThat(scanned).startsWith("otpauth://totp/Procura%3Atotpuser?secret=" + secret.group(1) + "&");
        String key = scanned.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        HttpResponse<String> confirmed = client.submit("/account/security", "/account/security",
                Map.of("action", "totp-confirm", "code", Totp.code(key, Totp.step(clock.instant()))));
        assertThat(confirmed.body()).contains("Logins now need a code from your authenticator app.");
        assertThat(storedTotpKey("totpuser")).as("the key as stored in the database").isNotBlank()
                .doesNotContain(key).startsWith("aesgcm1:");
        client.logout();

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        String code = Totp.code(key, Totp.step(clock.instant()));
        WebClient next = app.client();
        assertThat(next.login("totpuser", TestApp.PASSWORD).headers().firstValue("Location"))
                .hasValue(SecondFactorServlet.PATH);
        assertThat(enter(next, code).headers().firstValue("Location")).hasValue("/dashboard");

        WebClient replay = app.client();
        replay.login("totpuser", TestApp.PASSWORD);
        assertThat(enter(replay, code).headers().firstValue("Location")).as("same code again").hasValue("/login?expired");
        assertThat(audit()).contains("TOTP_USED", "TOTP_REFUSED", "SECOND_FACTOR_CHANGED");
    }

    private static String storedTotpKey(String username) throws SQLException {
        try (Connection connection = app.app().database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT s.totp_key_sealed FROM account_security s "
                     + "JOIN user_account u ON u.id = s.account_id WHERE u.username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
