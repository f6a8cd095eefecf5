package com.procura.security.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS gateway against a stand-in gateway on 127.0.0.1. */
class HttpSmsGatewayTest {
    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 202;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send");
    }

    @Test
    void postsNumberAndTextAsFormWithBasicAuthentication() {
        new HttpSmsGateway(url(), Optional.of("procura"), Optional.of("gateway-secret"))
                .send("+49 170 1234567", "Procura TAN: 123456");
        assertThat(body.get()).isEqualTo("to=%2B49+170+1234567&text=Procura+TAN%3A+123456");
        assertThat(authorization.get()).isEqualTo("Basic cHJvY3VyYTpnYXRld2F5LXNlY3JldA==");
    }

    @Test
    void refusalByTheGatewayIsAnErrorThatNamesTheStatusButNotTheText() {
        status = 500;
        assertThatThrownBy(() -> new HttpSmsGateway(url(), Optional.empty(), Optional.empty())
                .send("+49 170 1234567", "Procura TAN: 654321"))
                .isInstanceOf(SmsGateway.SmsException.class)
                .hasMessageContaining("answered HTTP 500").hasMessageNotContaining("654321");
    }
}
