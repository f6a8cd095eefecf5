package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.integration.idoc.IdocXmlWriter;
import com.procura.orders.OrderQuery;
import com.procura.orders.OrderStatus;
import com.procura.orders.PurchaseOrder;
import com.procura.security.AccountPrincipal;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many IDocs dropped into the file port at once are stored and imported many to a transaction, on
 * both databases: what goes wrong with one of them stays with that one.
 */
class SapBatchImportIT {
    private static final IdocSamples.Item GOOD_ITEM = new IdocSamples.Item(10, "M-1", "5", "2.50", "20261224");
    /** The DOCNUM whose order the database refuses (a check constraint this test adds) until the test lifts it. */
    private static final String REFUSED_BY_DATABASE = "0000000000300950";

    @TempDir
    static Path folder;
    static final Map<TestDatabases.Engine, TestApp> apps = new EnumMap<>(TestDatabases.Engine.class);

    /** Everything at once: 60 good orders with a bad one after the 20th, duplicates, a change, a database refusal. */
    @BeforeAll
    static void dropEverything() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 1; i <= 60; i++) {
            files.put(String.format("a-%03d.xml", i), IdocSamples.orderXml(docnum(i), orderNumber(i), GOOD_ITEM));
            if (i == 20) {
                files.put("a-020-bad.xml", IdocSamples.orderXml("0000000000300900", "4500300900",
                        new IdocSamples.Item(10, "M-1", "12,5", "2.50", "20261224")));
            }
        }
        files.put("b-1.xml", IdocSamples.orderXml("0000000000300910", "4500300910", GOOD_ITEM));
        files.put("b-2-same-idoc-again.xml", IdocSamples.orderXml("0000000000300910", "4500300910", GOOD_ITEM));
        files.put("b-3-same-order-other-idoc.xml", IdocSamples.orderXml("0000000000300911", "4500300910", GOOD_ITEM));
        files.put("c-1-order.xml", IdocSamples.orderXml("0000000000300920", "4500300920", GOOD_ITEM));
        files.put("c-2-change.xml", IdocXmlWriter.create().write(IdocSamples.order("ORDCHG", "0000000000300921",
                "4500300920", "100001", "20261202090000", List.of(new IdocSamples.Item(10, "M-1", "8", "2.50", "20261230", "002")))));
        files.put("c-3-order-after-the-change.xml", IdocSamples.orderXml("0000000000300922", "4500300922", GOOD_ITEM));
        files.put("d-refused-by-database.xml", IdocSamples.orderXml(REFUSED_BY_DATABASE, "4500300950", GOOD_ITEM));

        for (TestDatabases.Engine engine : TestDatabases.Engine.values()) {
            TestApp app = TestApp.demo(folder.resolve(engine.name()), engine);
            apps.put(engine, app);
            execute(app, "ALTER TABLE purchase_order ADD CONSTRAINT test_refused CHECK (order_number <> '4500300950')");
            drop(app, files);
        }
        for (TestApp app : apps.values()) {
            SapQueues.await("all but one IDoc processed", Duration.ofSeconds(60), () -> SapQueues.inbound(app).size()
                    == files.size() && SapQueues.inbound(app).stream().filter(e -> e.state() == InboundState.RECEIVED)
                    .allMatch(e -> e.docnum().equals(REFUSED_BY_DATABASE)));
        }
    }

    @AfterAll
    static void stop() {
        apps.values().forEach(TestApp::close);
    }

    private static String docnum(int i) {
        return String.format("%016d", 300_000 + i);
    }

    private static String orderNumber(int i) {
        return String.valueOf(4_500_300_000L + i);
    }

    /** Written under hidden names and made visible together, so that the file port takes them in one go. */
    private static void drop(TestApp app, Map<String, String> files) throws Exception {
        Path in = app.app().sap().folder().resolve("in");
        List<Path> hidden = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path temp = in.resolve("." + file.getKey());
            Files.writeString(temp, file.getValue());
            temp.toFile().setLastModified(System.currentTimeMillis() - 60_000);
            hidden.add(temp);
        }
        for (Path temp : hidden) {
            Files.move(temp, temp.resolveSibling(temp.getFileName().toString().substring(1)), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void execute(TestApp app, String sql) throws Exception {
        try (Connection connection = app.app().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static AccountPrincipal admin(TestApp app) {
        return app.app().security().users().loginRecord("admin").orElseThrow().principal();
    }

    private static Optional<PurchaseOrder> order(TestApp app, String number) {
        return Optional.ofNullable(orderIds(app).get(number)).flatMap(id -> app.app().orders().find(id, admin(app)));
    }

    /** Order number to id, over all pages of the order list. */
    private static Map<String, Long> orderIds(TestApp app) {
        Map<String, Long> ids = new HashMap<>();
        for (int page = 1; ; page++) {
            var result = app.app().orders().list(new OrderQuery(null, null, OrderQuery.Sort.NUMBER, true, page), admin(app));
            result.rows().forEach(row -> ids.put(row.orderNumber(), row.id()));
            if (page >= result.pageCount()) {
                return ids;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBadIdocAmongGoodOnesIsRefusedAloneWithItsReasonAndTheOthersBecomeOrders(TestDatabases.Engine engine) {
        TestApp app = apps.get(engine);
        Map<String, Long> orderIds = orderIds(app);
        for (int i = 1; i <= 60; i++) {
            InboundQueue.Entry entry = SapQueues.entryFor(app, docnum(i));
            assertThat(entry.state()).as(docnum(i)).isEqualTo(InboundState.PROCESSED);
            assertThat(orderIds.get(orderNumber(i))).as(orderNumber(i)).isEqualTo(entry.orderId());
        }
        PurchaseOrder last = order(app, orderNumber(60)).orElseThrow();
        assertThat(last.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getQuantity()).isEqualByComparingTo("5");
            assertThat(line.getMaterial()).isEqualTo("M-1");
            assertThat(line.getRequestedDate()).hasToString("2026-12-24");
        });
        assertThat(last.getTotalAmount()).isEqualByComparingTo("12.50");
        assertThat(last.getSupplier().getSapVendorNumber()).isEqualTo("100001");
        assertThat(SapQueues.statusFor(app, docnum(21))).contains("<STATUS>41</STATUS>",
                "<STATXT>Purchase order " + orderNumber(21) + " created</STATXT>");

        InboundQueue.Entry bad = SapQueues.entryFor(app, "0000000000300900");
        assertThat(bad.state()).isEqualTo(InboundState.FAILED);
        assertThat(bad.error()).startsWith("E1EDP01 #1-MENGE: '12,5' is not a number");
        assertThat(bad.orderId()).isNull();
        assertThat(order(app, "4500300900")).isEmpty();
        assertThat(new String(app.app().sap().inbound().payload(bad.payloadId()), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<MENGE>12,5</MENGE>");
        assertThat(SapQueues.statusFor(app, "0000000000300900")).contains("<STATUS>40</STATUS>", "<STATYP>E</STATYP>",
                "<STAPA1>E1EDP01 #1</STAPA1>", "<STAPA2>MENGE</STAPA2>");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theSameIdocTwiceInOneDropCreatesOneOrderAndIsAnsweredTwice(TestDatabases.Engine engine) {
        TestApp app = apps.get(engine);
        List<InboundQueue.Entry> entries = SapQueues.inbound(app).stream()
                .filter(e -> e.docnum().equals("0000000000300910")).toList();
        assertThat(entries).extracting(InboundQueue.Entry::state)
                .containsExactlyInAnyOrder(InboundState.PROCESSED, InboundState.DUPLICATE);
        SapQueues.await("two STATUS IDocs", Duration.ofSeconds(30),
                () -> SapQueues.outFiles(app, "status_0000000000300910_").size() == 2);
        assertThat(SapQueues.outFiles(app, "status_0000000000300910_")).allSatisfy(file ->
                assertThat(SapQueues.read(file)).contains("<STATUS>41</STATUS>"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anotherIdocForAnOrderNumberOfTheSameDropIsRefused(TestDatabases.Engine engine) {
        TestApp app = apps.get(engine);
        InboundQueue.Entry other = SapQueues.entryFor(app, "0000000000300911");
        assertThat(other.state()).isEqualTo(InboundState.FAILED);
        assertThat(other.error()).isEqualTo("E1EDK01-BELNR: order 4500300910 exists already (from SAP IDoc "
                + "0000000000300910); changes must come as ORDCHG");
        assertThat(SapQueues.statusFor(app, "0000000000300911")).contains("<STATUS>40</STATUS>", "<STAPA2>BELNR</STAPA2>");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChangeDroppedWithItsOrderIsAppliedAfterIt(TestDatabases.Engine engine) {
        TestApp app = apps.get(engine);
        assertThat(SapQueues.entryFor(app, "0000000000300921").state()).isEqualTo(InboundState.PROCESSED);
        PurchaseOrder order = order(app, "4500300920").orElseThrow();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CHANGED);
        assertThat(order.getLines().get(0).getQuantity()).isEqualByComparingTo("8");
        assertThat(order.getSapDocnum()).isEqualTo("0000000000300921");
        assertThat(SapQueues.entryFor(app, "0000000000300922").state()).isEqualTo(InboundState.PROCESSED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anIdocTheDatabaseRefusesIsRetriedAloneAndBecomesAnOrderOnceTheCauseIsGone(TestDatabases.Engine engine)
            throws Exception {
        TestApp app = apps.get(engine);
        InboundQueue.Entry refused = SapQueues.entryFor(app, REFUSED_BY_DATABASE);
        // Retried with growing pauses; after five attempts it is failed, with the database's reason.
        if (refused.state() == InboundState.FAILED) {
            assertThat(refused.error()).startsWith("processing failed 5 times: ").containsIgnoringCase("test_refused");
        } else {
            assertThat(refused.state()).isEqualTo(InboundState.RECEIVED);
        }
        assertThat(order(app, "4500300950")).isEmpty();
        assertThat(SapQueues.outFiles(app, "status_" + REFUSED_BY_DATABASE + "_")).isEmpty();

        execute(app, "ALTER TABLE purchase_order DROP CONSTRAINT test_refused");
        if (refused.state() == InboundState.FAILED) {
            assertThat(app.app().sap().inbound().retry(refused.id())).isTrue();
        }
        SapQueues.await("the refused IDoc processed", Duration.ofSeconds(40),
                () -> SapQueues.entryFor(app, REFUSED_BY_DATABASE).state() == InboundState.PROCESSED);
        assertThat(order(app, "4500300950")).isPresent();
        assertThat(SapQueues.statusFor(app, REFUSED_BY_DATABASE)).contains("<STATUS>41</STATUS>");
    }
}
