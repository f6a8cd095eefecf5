package com.procura.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Talks TLS to the running server with a client offering one protocol and one cipher at a time.
 * The test JVM re-enables TLS 1.0/1.1 on the client side (see the failsafe argLine) so that the
 * refusal comes from the server, not from the client's own defaults.
 */
class TlsIT {
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

    private static String handshake(String protocol, String cipher) throws IOException {
        SSLContext context = WebClient.trusting(folder.resolve("tls/procura.crt"));
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", app.app().httpsPort())) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (cipher != null) {
                socket.setEnabledCipherSuites(new String[] {cipher});
            }
            socket.startHandshake();
            return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
        }
    }

    @Test
    void tls13WithAes256IsAccepted() throws IOException {
        assertThat(handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384")).isEqualTo("TLSv1.3 TLS_AES_256_GCM_SHA384");
    }

    @Test
    void tls12WithEcdheAes256GcmIsAccepted() throws IOException {
        assertThat(handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"))
                .isEqualTo("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void tls11IsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.1", null)).isInstanceOf(SSLException.class);
    }

    @Test
    void tls10IsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1", null)).isInstanceOf(SSLException.class);
    }

    @Test
    void cbcCipherIsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void aes128IsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256")).isInstanceOf(SSLException.class);
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void rsaKeyExchangeIsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_RSA_WITH_AES_256_GCM_SHA384")).isInstanceOf(SSLException.class);
    }
}
