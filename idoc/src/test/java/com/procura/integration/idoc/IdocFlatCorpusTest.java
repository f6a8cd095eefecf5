package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdocFlatCorpusTest {

    static final List<String> FLAT_FILES = Corpus.FLAT_FILES;

    @Test
    void sapOrders01FlatFileDecodesFieldsAtTheirSapOffsets() {
        Idoc idoc = Corpus.flat("bots_orders01_flat_crl_4200006016.idoc").get(0);

        assertThat(idoc.docnum()).isEqualTo("0000000000887339");
        assertThat(idoc.idocType()).isEqualTo("ORDERS01");
        assertThat(idoc.messageType()).isEqualTo("ZZORDERS");
        assertThat(idoc.control().docrel()).isEqualTo("620");
        assertThat(idoc.control().sndprn()).isEqualTo("HID032");
        assertThat(idoc.control().rcvprn()).isEqualTo("0000088333");
        assertThat(idoc.control().serial()).isEqualTo("20070907133938");
        assertThat(idoc.segmentCount()).isEqualTo(20);

        Segment header = idoc.first("E1EDK01").orElseThrow();
        assertThat(header.definitionName()).contains("E2EDK01003");
        assertThat(header.fields()).containsEntry("CURCY", "EUR").containsEntry("WKURS", "1.00000")
                .containsEntry("BSART", "ZCRL").containsEntry("BELNR", "4200006016");
        assertThat(idoc.segments("E1EDKA1")).extracting(s -> s.get("PARVW")).containsExactly("AG", "LF", "WE");
        assertThat(idoc.segments("E1EDKA1").get(2).fields()).containsEntry("NAME1", "Lekkerland")
                .containsEntry("ORT01", "Waddinxveen").containsEntry("PSTLZ", "2742 RB").containsEntry("LAND1", "NL");
        assertThat(idoc.first("E1EDK02").orElseThrow().fields()).containsEntry("BELNR", "4200006016")
                .containsEntry("DATUM", "20070907").containsEntry("UZEIT", "133938");

        Segment item = idoc.first("E1EDP01").orElseThrow();
        assertThat(item.fields()).containsEntry("MENGE", "2.000").containsEntry("MENEE", "PA")
                .containsEntry("VPREI", "6.75").containsEntry("NETWR", "13.5");
        assertThat(item.firstChild("E1EDP20").orElseThrow().get("EDATU")).isEqualTo("20070910");
        assertThat(item.children("E1EDP19")).extracting(s -> s.get("IDTNR"))
                .containsExactly("LL-01020304", "82102002", "8713475037670");
        assertThat(idoc.first("E1EDS01").orElseThrow().get("SUMME")).isEqualTo("13.5");
    }

    @Test
    void secondOrders01FileHasOneItemOfOneHundredPieces() {
        Idoc idoc = Corpus.flat("bots_orders01_flat_rls_4200003091.idoc").get(0);

        assertThat(idoc.first("E1EDK01").orElseThrow().get("BELNR")).isEqualTo("4200003091");
        Segment item = idoc.first("E1EDP01").orElseThrow();
        assertThat(item.get("MENGE")).isEqualTo("100.000");
        assertThat(item.get("MENEE")).isEqualTo("PCE");
        assertThat(item.children()).hasSize(3);
    }

    @Test
    void crlfFileWithShortRecordsAndNoDefinitionsKeepsSegmentDataRawUnderItsParent() {
        Idoc idoc = Corpus.flat("bots_wp_plu02_flat_crlf_small.idoc").get(0);

        assertThat(idoc.idocType()).isEqualTo("WP_PLU02");
        assertThat(idoc.docnum()).isEqualTo("0000000000267798");
        assertThat(idoc.segments()).hasSize(1);
        Segment article = idoc.segments().get(0);
        assertThat(article.type()).isEqualTo("E1WPA01");
        assertThat(article.fields()).isEmpty();
        assertThat(article.unparsedData()).startsWith("0000001175MODICOND20070925").endsWith("ST");
        assertThat(article.children()).extracting(Segment::type)
                .containsExactly("E1WPA02", "E1WPA03", "E1WPA03", "E1WPA04", "E1WPA04", "E1WPA07");
        assertThat(article.children("E1WPA04").get(0).children()).extracting(Segment::definitionName)
                .allSatisfy(name -> assertThat(name).contains("E2WPA05002"));
    }

    @Test
    void recordTypeVersion2OrdersInSendIdocEnvelopeIsUnwrappedAndDecoded() {
        Idoc idoc = Corpus.flat("msdocs_orders05_flat_edidc_v2_in_sendidoc_envelope_right_trimmed.txt").get(0);

        ControlRecord control = idoc.control();
        assertThat(control.get("TABNAM")).isEqualTo("EDI_DC40");
        assertThat(control.idoctyp()).isEqualTo("ORDERS05");
        assertThat(control.mestyp()).isEqualTo("ORDERS");
        assertThat(control.mandt()).isEqualTo("300");
        assertThat(control.direct()).isEqualTo("2");
        assertThat(control.get("STD")).isEqualTo("E");
        assertThat(control.get("STDVRS")).isEqualTo("D  93A");
        assertThat(control.get("STDMES")).isEqualTo("ORDERS");
        assertThat(control.sndpfc()).isEqualTo("US");
        assertThat(control.credat()).isEqualTo("20190523");
        assertThat(idoc.segmentCount()).isEqualTo(16);

        assertThat(idoc.first("E1EDK01").orElseThrow().fields()).containsEntry("CURCY", "USD")
                .containsEntry("BSART", "Z4O1").containsEntry("BELNR", "4506907554");
        assertThat(idoc.segments("E1EDKA1")).extracting(s -> s.get("PARVW")).containsExactly("RE", "US", "WE", "Z1", "Z2");
        assertThat(idoc.segments("E1EDKA1").get(3).get("NAME1")).isEqualTo("ABC YYYYYYYYYYY ZZ");
        Segment item = idoc.first("E1EDP01").orElseThrow();
        assertThat(item.definitionName()).contains("E2EDP01001");
        assertThat(item.fields()).containsEntry("POSEX", "10").containsEntry("MENGE", "1")
                .containsEntry("MENEE", "EA").containsEntry("VPREI", "999.9");
    }

    @Test
    void zeroParentNumberFallsBackToHierarchyLevel() {
        Idoc idoc = Corpus.flat("msdocs_orders05_flat_edidc_v2_in_sendidoc_envelope_right_trimmed.txt").get(0);

        List<Segment> texts = idoc.segments("E1EDKT1");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).get("TDID")).isEqualTo("Z1EM");
        assertThat(texts.get(0).firstChild("E1EDKT2").orElseThrow().get("TDLINE")).isEqualTo("xxx@xxx-xx.xx");
        assertThat(idoc.first("E1EDP01").orElseThrow().firstChild("E1EDP19").orElseThrow().get("IDTNR"))
                .isEqualTo("AAA-11111");
    }

    @ParameterizedTest
    @FieldSource("FLAT_FILES")
    void everyFlatCorpusFileSurvivesWriteAndReadBack(String file) {
        List<Idoc> original = Corpus.flat(file);

        String written = IdocFlatWriter.create().write(original);
        List<Idoc> reread = IdocFlatReader.create().withStrictRecordLengths().read(written, "written");

        assertThat(reread).isEqualTo(original);
    }

    @ParameterizedTest
    @FieldSource("FLAT_FILES")
    void flatWriterPadsEveryRecordToItsExactWidth(String file) {
        String written = IdocFlatWriter.create().write(Corpus.flat(file));

        List<String> records = written.lines().toList();
        assertThat(records.get(0)).hasSize(524).startsWith("EDI_DC40  ");
        assertThat(records.subList(1, records.size())).allSatisfy(record -> assertThat(record).hasSize(1063));
    }

    @Test
    void orders05FromFlatFileCanBeWrittenAsIdocXml() {
        Idoc fromFlat = Corpus.flat("msdocs_orders05_flat_edidc_v2_in_sendidoc_envelope_right_trimmed.txt").get(0);

        Idoc viaXml = IdocXmlReader.create().read(IdocXmlWriter.create().write(fromFlat)).get(0);

        assertThat(viaXml.control()).isEqualTo(fromFlat.control());
        assertThat(viaXml.findAll("E1EDKA1")).extracting(Segment::fields)
                .isEqualTo(fromFlat.findAll("E1EDKA1").stream().map(Segment::fields).toList());
    }
}
