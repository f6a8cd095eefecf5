package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.procura.platform.config.SecurityConfig;
import com.procura.security.mail.LoginMail;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login e-mail, received by a real SMTP server (GreenMail) through the outbox and its worker. */
class LoginMailIT {
    @TempDir
    static Path folder;
    static GreenMail smtp;
    static TestApp app;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        SecurityConfig.Mail mail = new SecurityConfig.Mail("127.0.0.1", smtp.getSmtp().getPort(),
                "procura@nordwind.example", Optional.empty(), Optional.empty(), false);
        app = TestApp.demo(folder, TestDatabases.Engine.H2,
                new SecurityConfig(List.of(), Optional.of(mail), SecurityConfig.Sms.file()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.stop();
    }

    @Test
    void userWhoAskedForItGetsAnEmailWithTimeAddressAndBrowserAfterEachLogin() throws Exception {
        WebClient user = app.client().header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0");
        user.login("buyer", TestApp.PASSWORD);
        user.submit("/account/security", "/account/security", Map.of("action", "login-email", "enabled", "on"));
        user.logout();

        long start = System.nanoTime();
        assertThat(user.login("buyer", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        long loginMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("berit.buyer@nordwind.example");
        assertThat(message.getFrom()[0].toString()).isEqualTo("procura@nordwind.example");
        assertThat(message.getSubject()).isEqualTo(LoginMail.SUBJECT);
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("IP address:  127.0.0.1").contains("TestBrowser/1.0").contains(" UTC");
        assertThat(loginMillis).as("the login does not wait for SMTP").isLessThan(5_000);
        assertThat(app.app().audit().latest(50)).anySatisfy(e -> assertThat(e.event()).isEqualTo("LOGIN_EMAIL_QUEUED"));
    }

    @Test
    void userWithoutTheOptionGetsNoEmail() throws Exception {
        int before = smtp.getReceivedMessages().length;
        app.client().login("supplier", TestApp.PASSWORD);
        Thread.sleep(2_500);
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }

    @Test
    void addressWithALineBreakIsRefusedSoNoHeaderCanBeInjected() {
        assertThatThrownBy(() -> app.app().security().users().create("injector", "Injector",
                "victim@example.com\r\nBcc: everyone@example.com", TestApp.PASSWORD, Role.SUPPORT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line breaks");
        assertThatThrownBy(() -> app.app().security().outbox().enqueue("a@example.com", "Hi\nBcc: x@example.com", "body"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> app.app().security().outbox().enqueue("Evil <a@example.com>", "Hi", "body"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain address");
        assertThat(app.app().security().users().exists("injector")).isFalse();
    }
}
