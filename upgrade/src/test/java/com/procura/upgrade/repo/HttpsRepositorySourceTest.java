package com.procura.upgrade.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web source over plain HTTP on loopback (the same client code serves https:// URLs). */
class HttpsRepositorySourceTest {

    HttpServer server;
    RepositorySource source;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/procura/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.endsWith("timestamp.json") ? 200 : path.endsWith("broken.json") ? 500 : 404;
            byte[] body = status == 200 ? "{\"signed\":{}}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        source = RepositorySource.of("http://127.0.0.1:" + server.getAddress().getPort() + "/procura");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesAnExistingFileAndReportsAMissingOneAsAbsent() throws Exception {
        assertThat(source.fetch("timestamp.json", 1024)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"signed\":{}}"));
        assertThat(source.fetch("2.root.json", 1024)).isEmpty();
    }

    @Test
    void refusesMoreBytesThanAllowed() {
        assertThatThrownBy(() -> source.fetch("timestamp.json", 5)).hasMessageContaining("timestamp.json: larger than the allowed 5 bytes");
    }

    @Test
    void serverErrorNamesTheUrlAndStatus() {
        assertThatThrownBy(() -> source.fetch("broken.json", 1024))
                .hasMessage("GET http://127.0.0.1:" + server.getAddress().getPort() + "/procura/broken.json answered HTTP 500");
    }
}
