package com.procura.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogFormatTest {
    @Test
    void logLineEscapesQuotesAndControlCharacters() {
        AccessEvent event = new AccessEvent(Instant.parse("2026-12-03T10:15:30Z"), "a\"b\nc", "10.0.0.1",
                AccessEvent.Type.LOGIN_FAILED, "POST", "/login", 401);
        assertThat(event.toLogLine()).isEqualTo("at=2026-12-03T10:15:30Z account=\"a\\\"b\\x0ac\" ip=10.0.0.1 "
                + "event=LOGIN_FAILED method=POST path=\"/login\" status=401");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(AccessLogPages.csv("plain")).isEqualTo("\"plain\"");
        assertThat(AccessLogPages.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AccessLogPages.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AccessLogPages.csv(null)).isEmpty();
    }
}
