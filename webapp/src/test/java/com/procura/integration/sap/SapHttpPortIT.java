package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.integration.idoc.IdocXmlWriter;
import com.procura.integration.idoc.Segment;
import com.procura.orders.OrderLine;
import com.procura.orders.OrderQuery;
import com.procura.orders.OrderStatus;
import com.procura.orders.PurchaseOrder;
import com.procura.security.AccountPrincipal;
import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAP's XML-HTTP port over real HTTPS, and what processing does with what it accepted. */
class SapHttpPortIT {
    @TempDir
    static Path folder;
    static TestApp app;
    static HttpClient http;

    @BeforeAll
    static void start() {
        app = TestApp.demo(folder);
        http = HttpClient.newBuilder().sslContext(WebClient.trusting(folder.resolve("tls/procura.crt"))).build();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> post(String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/sap/idoc"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + TestApp.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AccountPrincipal admin() {
        return app.app().security().users().loginRecord("admin").orElseThrow().principal();
    }

    private static PurchaseOrder orderNumbered(String number) {
        var row = app.app().orders().list(new OrderQuery(null, null, OrderQuery.Sort.NUMBER, true, 1), admin()).rows();
        long count = app.app().orders().list(OrderQuery.firstPage(), admin()).total();
        return app.app().orders().list(new OrderQuery(null, null, OrderQuery.Sort.NUMBER, false, 1), admin()).rows().stream()
                .filter(r -> r.orderNumber().equals(number)).findFirst()
                .flatMap(r -> app.app().orders().find(r.id(), admin()))
                .orElseThrow(() -> new AssertionError("no order " + number + " among " + count + " (" + row.size() + ")"));
    }

    private static long orderCount() {
        return app.app().orders().list(OrderQuery.firstPage(), admin()).total();
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndNothingIsStored() throws Exception {
        HttpResponse<String> response = post(null, IdocSamples.orderXml("0000000000100001", "4500100001",
                new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
        assertThat(SapQueues.inbound(app)).noneMatch(e -> e.docnum().equals("0000000000100001"));
    }

    @Test
    void aUserWhoIsNotTheTechnicalUserIsRefused() throws Exception {
        assertThat(post("buyer", IdocSamples.orderXml("0000000000100002", "4500100002",
                new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224"))).statusCode()).isEqualTo(403);
    }

    @Test
    void aBodyThatIsNoIdocIsA400ButStillKept() throws Exception {
        HttpResponse<String> response = post("sap", "<ORDERS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>1");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Not an IDoc: ").contains("line 1").contains("kept as payload");
        assertThat(app.app().sap().inbound().rejectedPayloads(10)).anySatisfy(row -> assertThat(row[2]).isEqualTo("HTTP"));
    }

    @Test
    void anOrderIdocIsStoredThenBecomesAnOrderWithStatus41() throws Exception {
        long before = orderCount();
        HttpResponse<String> response = post("sap", IdocSamples.tenLineOrderXml("0000000000100010", "4500100010"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Received 1 IDoc(s) as payload ");
        SapQueues.await("order 4500100010", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100010").state() == InboundState.PROCESSED);
        PurchaseOrder order = orderNumbered("4500100010");
        assertThat(order.getLines()).hasSize(10);
        assertThat(order.getLines().get(2).getQuantity()).isEqualByComparingTo("15");
        assertThat(order.getLines().get(2).getUnitPrice()).isEqualByComparingTo("12.50");
        assertThat(order.getLines().get(2).getRequestedDate()).hasToString("2026-12-24");
        assertThat(order.getSupplier().getName()).isEqualTo("Schmidt Präzisionsteile GmbH");
        assertThat(orderCount()).isEqualTo(before + 1);
        assertThat(SapQueues.statusFor(app, "0000000000100010")).contains("<STATUS>41</STATUS>",
                "<STATXT>Purchase order 4500100010 created</STATXT>", "<RCVPRN>NWDCLNT100</RCVPRN>");
    }

    @Test
    void theSameIdocTwiceCreatesOneOrder() throws Exception {
        String idoc = IdocSamples.orderXml("0000000000100020", "4500100020", new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224"));
        assertThat(post("sap", idoc).statusCode()).isEqualTo(200);
        SapQueues.await("first", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100020").state() == InboundState.PROCESSED);
        long before = orderCount();
        assertThat(post("sap", idoc).statusCode()).isEqualTo(200);
        SapQueues.await("second", Duration.ofSeconds(30), () -> SapQueues.inbound(app).stream()
                .anyMatch(e -> e.docnum().equals("0000000000100020") && e.state() == InboundState.DUPLICATE));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void orderChangesApplyInOrderAndALateOlderChangeIsNotApplied() throws Exception {
        post("sap", IdocSamples.orderXml("0000000000100030", "4500100030",
                new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224"),
                new IdocSamples.Item(20, "M-2", "7", "2.00", "20261224")));
        String newer = IdocXmlWriter.create().write(IdocSamples.order("ORDCHG", "0000000000100032", "4500100030", "100001",
                "20261202090000", List.of(new IdocSamples.Item(10, "M-1", "8", "1.00", "20261230", "002"),
                        new IdocSamples.Item(20, "M-2", null, "2.00", "20261224", "003"),
                        new IdocSamples.Item(30, "M-3", "1", "9.99", "20270105", "001"))));
        String older = IdocXmlWriter.create().write(IdocSamples.order("ORDCHG", "0000000000100031", "4500100030", "100001",
                "20261201180000", List.of(new IdocSamples.Item(10, "M-1", "99", "1.00", "20261224", "002"))));
        SapQueues.await("order", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100030").state() == InboundState.PROCESSED);
        assertThat(post("sap", newer).statusCode()).isEqualTo(200);
        SapQueues.await("newer change", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100032").state() == InboundState.PROCESSED);
        assertThat(post("sap", older).statusCode()).isEqualTo(200);
        SapQueues.await("older change", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100031").state() == InboundState.OUTDATED);

        PurchaseOrder order = orderNumbered("4500100030");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CHANGED);
        assertThat(order.getLines()).extracting(OrderLine::getLineNumber).containsExactly(10, 30);
        assertThat(order.getLines().get(0).getQuantity()).isEqualByComparingTo("8");
        assertThat(order.getLines().get(0).getRequestedDate()).hasToString("2026-12-30");
        assertThat(SapQueues.statusFor(app, "0000000000100031")).contains("<STATUS>40</STATUS>");
    }

    @Test
    void badItemsAreRefusedNamingSegmentAndFieldAndNoOrderIsCreated() throws Exception {
        record Case(String docnum, IdocSamples.Item item, String error) {
        }
        List<Case> cases = List.of(
                new Case("0000000000100041", new IdocSamples.Item(10, "M-1", null, "1.00", "20261224"),
                        "E1EDP01 #1-MENGE: the ordered quantity is missing"),
                new Case("0000000000100042", new IdocSamples.Item(10, "M-1", "12,5x", "1.00", "20261224"),
                        "E1EDP01 #1-MENGE: '12,5x' is not a number"),
                new Case("0000000000100043", new IdocSamples.Item(10, "M-1", "5", "1.00", "20261345"),
                        "E1EDP01 #1 E1EDP20-EDATU: '20261345' is not a date: expected YYYYMMDD"),
                new Case("0000000000100044", new IdocSamples.Item(10, "M-1", "-5", "1.00", "20261224"),
                        "E1EDP01 #1-MENGE: the ordered quantity must be positive"));
        long before = orderCount();
        for (Case c : cases) {
            assertThat(post("sap", IdocSamples.orderXml(c.docnum(), "45001000" + c.docnum().substring(14), c.item()))
                    .statusCode()).isEqualTo(200);
        }
        for (Case c : cases) {
            SapQueues.await(c.docnum(), Duration.ofSeconds(30),
                    () -> SapQueues.entryFor(app, c.docnum()).state() == InboundState.FAILED);
            assertThat(SapQueues.entryFor(app, c.docnum()).error()).startsWith(c.error());
            assertThat(SapQueues.statusFor(app, c.docnum())).contains("<STATUS>40</STATUS>", "<STAPA1>E1EDP01 #1");
        }
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void customerSegmentsAreKeptAndMappedFieldsShownOnTheOrder() throws Exception {
        Segment custom = Segment.builder("Z1ZORDER").field("ZPROJECT", "P-4711 Rotor line")
                .field("ZCOSTCENTER", "CC-100").field("ZINTERNAL", "x-42").build();
        String xml = IdocXmlWriter.create().write(IdocSamples.order("ORDERS", "0000000000100050", "4500100050", "100001",
                "20261201120000", List.of(new IdocSamples.Item(10, "M-1", "5", "1.00", "20261224")), custom));
        assertThat(post("sap", xml).statusCode()).isEqualTo(200);
        SapQueues.await("order", Duration.ofSeconds(30),
                () -> SapQueues.entryFor(app, "0000000000100050").state() == InboundState.PROCESSED);
        WebClient buyer = app.client();
        buyer.login("buyer", TestApp.PASSWORD);
        String page = buyer.get("/orders/" + orderNumbered("4500100050").getId()).body();
        assertThat(page).contains("<dt>Project</dt><dd>P-4711 Rotor line</dd>", "<dt>Cost center</dt><dd>CC-100</dd>")
                .contains("<td>Z1ZORDER</td><td>ZINTERNAL</td><td>x-42</td>");
    }
}
