package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.orders.OrderLine;
import com.procura.orders.PurchaseOrder;
import com.procura.security.AccountPrincipal;
import com.procura.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real IDoc of the corpus (copied, with provenance, into the idoc module's test resources)
 * dropped into the file port: purchase orders become orders, the rest are refused by STATUS.
 */
class SapFilePortIT {
    static final Path CORPUS = Path.of("..", "idoc", "src", "test", "resources", "corpus");

    @TempDir
    static Path folder;
    static TestApp app;
    static List<Path> corpusFiles;

    @BeforeAll
    static void dropCorpus() throws IOException {
        app = TestApp.demo(folder);
        try (Stream<Path> xml = Files.list(CORPUS.resolve("idoc-xml")); Stream<Path> flat = Files.list(CORPUS.resolve("idoc-flat"))) {
            corpusFiles = Stream.concat(xml, flat).sorted().toList();
        }
        assertThat(corpusFiles).hasSize(8);
        Path in = app.app().sap().folder().resolve("in");
        for (Path file : corpusFiles) {
            Files.copy(file, in.resolve(file.getFileName()));
        }
        SapQueues.awaitProcessed(app, corpusFiles.size());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static PurchaseOrder order(InboundQueue.Entry entry) {
        AccountPrincipal admin = app.app().security().users().loginRecord("admin").orElseThrow().principal();
        return app.app().orders().find(entry.orderId(), admin).orElseThrow();
    }

    @Test
    void sapOrders01FlatFilesBecomeOrdersWithTheirLines() {
        InboundQueue.Entry entry = SapQueues.entryFor(app, "0000000000887339");
        assertThat(entry.state()).isEqualTo(InboundState.PROCESSED);
        assertThat(entry.orderNumber()).isEqualTo("4200006016");
        PurchaseOrder order = order(entry);
        assertThat(order.getSupplier().getSapVendorNumber()).isNotBlank();
        assertThat(order.getLines()).isNotEmpty();
        OrderLine first = order.getLines().get(0);
        assertThat(first.getQuantity()).isEqualByComparingTo("2");
        assertThat(first.getUnit()).isEqualTo("PA");
        assertThat(SapQueues.entryFor(app, "0000000000887330").orderNumber()).isEqualTo("4200003091");
    }

    @Test
    void statusIdocTellsSapTheOrderWasCreated() {
        String status = SapQueues.statusFor(app, "0000000000887330");
        assertThat(status).contains("<IDOCTYP>SYSTAT01</IDOCTYP>", "<MESTYP>STATUS</MESTYP>",
                "<DOCNUM>0000000000887330</DOCNUM>", "<STATUS>41</STATUS>",
                "<STATXT>Purchase order 4200003091 created</STATXT>", "<RCVPRN>HID032</RCVPRN>");
    }

    @Test
    void microsoftOrders05InSendIdocEnvelopeBecomesAnOrderButHasNoDocnumForAStatus() {
        InboundQueue.Entry entry = SapQueues.inbound(app).stream()
                .filter(e -> e.sender().equals("MSFTABCSWI")).findFirst().orElseThrow();
        assertThat(entry.state()).isEqualTo(InboundState.PROCESSED);
        assertThat(entry.error()).isEqualTo("no STATUS sent: the IDoc has no DOCNUM");
        PurchaseOrder order = order(entry);
        assertThat(order.getCurrency()).isEqualTo("USD");
        assertThat(order.getLines()).hasSize(1);
    }

    @Test
    void idocsThatAreNoPurchaseOrdersAreRefusedWithTheFieldAndStatus40() {
        for (String docnum : List.of("0000000000199045", "0000000000267798", "5220230", "Avon")) {
            InboundQueue.Entry entry = SapQueues.entryFor(app, docnum);
            assertThat(entry.state()).as(docnum).isEqualTo(InboundState.FAILED);
            assertThat(entry.error()).as(docnum).startsWith("EDI_DC40-MESTYP: message type '")
                    .contains("is not processed here");
            assertThat(entry.orderId()).isNull();
            String status = SapQueues.statusFor(app, docnum);
            assertThat(status).contains("<STATUS>40</STATUS>", "<STATYP>E</STATYP>", "<STAPA1>EDI_DC40</STAPA1>",
                    "<STAPA2>MESTYP</STAPA2>");
        }
    }

    @Test
    void orderWithoutSupplierIsRefusedNamingTheSegment() {
        InboundQueue.Entry entry = SapQueues.inbound(app).stream()
                .filter(e -> e.sender().equals("N8NIDOC")).findFirst().orElseThrow();
        assertThat(entry.state()).isEqualTo(InboundState.FAILED);
        assertThat(entry.error()).startsWith("E1EDKA1-PARVW: the supplier is missing");
    }

    @Test
    void everyFileIsArchivedAndItsPayloadKeptByteForByte() throws IOException {
        assertThat(app.app().sap().folder().resolve("in")).isEmptyDirectory();
        for (InboundQueue.Entry entry : SapQueues.inbound(app)) {
            byte[] stored = app.app().sap().inbound().payload(entry.payloadId());
            assertThat(corpusFiles).as("payload %s matches one corpus file", entry.payloadId())
                    .anySatisfy(file -> assertThat(stored).isEqualTo(Files.readAllBytes(file)));
        }
        try (Stream<Path> archived = Files.walk(app.app().sap().folder().resolve("archive"))) {
            assertThat(archived.filter(Files::isRegularFile).count()).isEqualTo(corpusFiles.size());
        }
    }
}
