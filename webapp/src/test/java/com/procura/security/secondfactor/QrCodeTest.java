package com.procura.security.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrCodeTest {
    @Test
    void aScannerReadsTheAuthenticatorLinkBackFromTheSvg() throws Exception {
        String uri = Totp.uri("Procura", "berit.buyer@example.com", Totp.newSecret());

        String svg = QrCode.svg(uri, "QR code for <your> app");

        assertThat(QrSvgReader.read(svg)).isEqualTo(uri);
        assertThat(svg).startsWith("<svg ").contains("<title>QR code for &lt;your&gt; app</title>");
    }
}
