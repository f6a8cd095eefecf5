package com.procura.security.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B: the ASCII key "12345678901234567890", SHA-1, last six of the eight digits. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void oneStepOfClockDriftIsAcceptedAndNoMore() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEqualTo(-1);
    }

    @Test
    void newSecretIs160BitsOfBase32AndTheUriNamesIssuerAndAccount() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.decode(secret)).hasSize(20);
        assertThat(Totp.uri("Procura", "berit buyer", secret))
                .isEqualTo("otpauth://totp/Procura%3Aberit%20buyer?secret=" + secret
                        + "&issuer=Procura&algorithm=SHA1&digits=6&period=30");
    }
}
