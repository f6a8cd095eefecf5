package com.procura.upgrade.appliance;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Polls {@code https://127.0.0.1:PORT/health/ready} until it answers 200. The address is always the loopback
 * interface, which is the only place the appliance's self-signed certificate is accepted without validation.
 */
public final class HealthProbe {

    private final URI readiness;
    private final Duration timeout;
    private final Duration interval;
    private final HttpClient client;

    public HealthProbe(int port, Duration timeout, Duration interval) {
        this.readiness = URI.create("https://127.0.0.1:" + port + "/health/ready");
        this.timeout = timeout;
        this.interval = interval;
        this.client = HttpClient.newBuilder()
                .sslContext(loopbackOnlyContext())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public URI readiness() {
        return readiness;
    }

    /** One request: the status code, or empty when nothing answered. */
    public Optional<Integer> probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits for 200 up to the configured timeout; fails early with the service's own reason when it stops running. */
    public void awaitReady(ServiceController service) throws IOException {
        awaitReady(service, timeout);
    }

    /** Waits for 200 up to the longer of {@code atLeast} and the configured timeout. */
    public void awaitReady(ServiceController service, Duration atLeast) throws IOException {
        Duration timeout = atLeast.compareTo(this.timeout) > 0 ? atLeast : this.timeout;
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Optional<Integer> status = probe();
            if (status.isPresent() && status.get() == 200) {
                return;
            }
            last = status.map(code -> "HTTP " + code).orElse("no answer");
            Optional<String> failure = service.failure();
            if (failure.isPresent()) {
                throw new IOException("release never became ready at " + readiness + ": " + failure.get());
            }
            sleep(interval);
        }
        throw new IOException("release never became ready: " + readiness + " did not answer 200 within "
                + timeout.toSeconds() + " s (last: " + last + ")");
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for readiness", e);
        }
    }

    private static SSLContext loopbackOnlyContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new LoopbackTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS context for the loopback health check", e);
        }
    }

    /** Accepts the appliance's self-signed certificate; only ever used for requests to 127.0.0.1. */
    private static final class LoopbackTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            requireLoopback(engine.getPeerHost());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            requireLoopback(socket.getInetAddress().getHostAddress());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("the loopback health check needs the peer address to check a certificate");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("the health check never acts as a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("the health check never acts as a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("the health check never acts as a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private static void requireLoopback(String host) throws CertificateException {
            if (!"127.0.0.1".equals(host)) {
                throw new CertificateException("unvalidated TLS is only accepted for 127.0.0.1, not " + host);
            }
        }
    }
}
