package com.procura.security.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailOutboxTest {
    @Test
    void plainAddressIsAccepted() {
        assertThat(MailOutbox.checkedAddress(" berit.buyer@nordwind.example ")).isEqualTo("berit.buyer@nordwind.example");
    }

    @Test
    void addressesThatCouldAddHeadersOrRecipientsAreRefused() {
        for (String bad : List.of("a@example.com\r\nBcc: b@example.com", "a@example.com\nX: y", "a@example.com, b@example.com",
                "Name <a@example.com>", "not an address", "a@example.com\u0000")) {
            assertThatThrownBy(() -> MailOutbox.checkedAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void loginMailShowsTimeAddressAndBrowserOnOneLineEach() {
        String body = LoginMail.body("Berit\r\nBcc: x", "buyer", Instant.parse("2026-12-03T10:15:30Z"), "192.0.2.1",
                "Browser\r\nInjected: yes");
        assertThat(body).contains("Time:        2026-12-03 10:15:30 UTC").contains("IP address:  192.0.2.1")
                .contains("Browser:     Browser  Injected: yes").contains("Hello Berit  Bcc: x,");
    }
}
