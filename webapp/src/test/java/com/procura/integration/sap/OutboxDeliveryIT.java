package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.orders.LineConfirmation;
import com.procura.security.AccountPrincipal;
import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to SAP's XML-HTTP port (a real HTTP server on 127.0.0.1 standing in for SAP):
 * retries with back-off while SAP is down, order kept per order, dead letter, and a manual retry.
 */
class OutboxDeliveryIT {
    @TempDir
    Path folder;
    TestApp app;
    HttpServer sap;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        app = TestApp.demo(folder);
        sap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sap.createContext("/sap/bc/idoc_xml", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(body);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        sap.start();
    }

    @AfterEach
    void stop() {
        sap.stop(0);
        app.close();
    }

    private void answerByHttp(int maxAttempts) {
        SapPartner demo = app.app().sap().partners().list().get(0);
        app.app().sap().partners().save(new SapPartner(demo.id(), demo.name(), demo.logicalSystem(), true,
                SapPartner.PortType.HTTP, SapPartner.FileFormat.XML,
                "http://127.0.0.1:" + sap.getAddress().getPort() + "/sap/bc/idoc_xml", "PROCURA_RFC", "rfc-secret",
                demo.ourPartner(), demo.ourPort(), maxAttempts, demo.currency(), demo.fieldMapping()));
    }

    private void dropOrder(String docnum, String number) throws IOException {
        Files.writeString(app.app().sap().folder().resolve("in/" + docnum + ".xml"), IdocSamples.orderXml(docnum, number,
                new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224")));
    }

    private Outbox.Message message(String kind, String reference) {
        return app.app().sap().outbox().forReference(reference).stream()
                .filter(m -> m.kind().name().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void statusIsRetriedWithBackOffUntilSapAnswersAndTheOrderResponseWaitsBehindIt() throws Exception {
        answerByHttp(10);
        failuresLeft.set(2);
        dropOrder("0000000000300001", "4500300001");
        long orderId = SapTestAccess.awaitOrder(app, "0000000000300001");
        SapQueues.await("a failed attempt", Duration.ofSeconds(20),
                () -> message("STATUS", "4500300001").state() == OutboundState.RETRYING);
        assertThat(message("STATUS", "4500300001").lastError()).isEqualTo("SAP answered HTTP 503: ");

        AccountPrincipal supplier = app.app().security().users().loginRecord("supplier").orElseThrow().principal();
        app.app().orders().confirm(orderId, supplier, List.of(new LineConfirmation(10, new java.math.BigDecimal("5"),
                java.time.LocalDate.of(2026, 12, 24), null, null)));
        assertThat(message("ORDRSP", "4500300001").state()).isEqualTo(OutboundState.PENDING);

        SapQueues.await("both delivered", Duration.ofSeconds(30), () -> received.size() == 2);
        assertThat(received.get(0)).contains("<MESTYP>STATUS</MESTYP>", "<STATUS>41</STATUS>");
        assertThat(received.get(1)).contains("<MESTYP>ORDRSP</MESTYP>");
        assertThat(message("STATUS", "4500300001").attempts()).isEqualTo(3);
        assertThat(authorizations).allMatch(a -> a.equals("Basic UFJPQ1VSQV9SRkM6cmZjLXNlY3JldA=="));
    }

    @Test
    void afterTheLastAttemptTheMessageIsDeadUntilAnAdminSendsItAgain() throws Exception {
        answerByHttp(2);
        failuresLeft.set(1_000);
        dropOrder("0000000000300002", "4500300002");
        SapQueues.await("dead letter", Duration.ofSeconds(30),
                () -> app.app().sap().outbox().forReference("4500300002").stream()
                        .anyMatch(m -> m.state() == OutboundState.DEAD));
        Outbox.Message dead = message("STATUS", "4500300002");
        assertThat(dead.attempts()).isEqualTo(2);

        failuresLeft.set(0);
        WebClient admin = app.client();
        admin.login("admin", TestApp.PASSWORD);
        String page = admin.get("/admin/sap/queues?out=DEAD").body();
        assertThat(page).contains("4500300002").contains("SAP answered HTTP 503");
        var response = admin.submit("/admin/sap/queues", "/admin/sap/queues/outbound/" + dead.id() + "/retry", Map.of());
        assertThat(response.statusCode()).isEqualTo(302);
        SapQueues.await("sent after the manual retry", Duration.ofSeconds(20),
                () -> message("STATUS", "4500300002").state() == OutboundState.SENT);
        assertThat(received).hasSize(1);
    }
}
