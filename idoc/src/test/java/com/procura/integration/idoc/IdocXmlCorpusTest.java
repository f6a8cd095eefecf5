package com.procura.integration.idoc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdocXmlCorpusTest {

    static final List<String> XML_FILES = Corpus.XML_FILES;

    @Test
    void realS4OrderConfirmationWithCrlfAndTabsIsReadCompletely() {
        List<Idoc> idocs = Corpus.xml("sapsamples_orders05_ordrsp_s4hana_tabs_crlf_short_docnum.xml");

        assertThat(idocs).hasSize(1);
        Idoc idoc = idocs.get(0);
        assertThat(idoc.docnum()).isEqualTo("5220230");
        assertThat(idoc.idocType()).isEqualTo("ORDERS05");
        assertThat(idoc.messageType()).isEqualTo("ORDRSP");
        assertThat(idoc.control().sndprn()).isEqualTo("HE4CLNT400");
        assertThat(idoc.control().rcvpfc()).isEqualTo("LS");
        assertThat(idoc.segmentCount()).isEqualTo(52);
        assertThat(idoc.segments("E1EDK14")).hasSize(4);
        assertThat(idoc.first("E1EDK01").orElseThrow().get("BELNR")).isEqualTo("0000347163");
        assertThat(idoc.segments("E1EDKA1")).extracting(s -> s.get("PARVW")).containsExactly("AG", "RE", "RG", "WE");
        List<Segment> items = idoc.segments("E1EDP01");
        assertThat(items).extracting(s -> s.get("POSEX")).containsExactly("000010", "000020", "000030", "000040");
        assertThat(items.get(0).get("MENGE")).isEqualTo("8.000");
        assertThat(items.get(0).firstChild("E1EDP19").orElseThrow().get("IDTNR_LONG")).isEqualTo("MZ-FG-S100");
        assertThat(items.get(0).children("E1EDP03")).hasSize(3);
    }

    @Test
    void leadingBlanksInFieldValuesAreKept() {
        Idoc idoc = Corpus.xml("sapsamples_orders05_ordrsp_s4hana_tabs_crlf_short_docnum.xml").get(0);

        assertThat(idoc.first("E1EDP05").orElseThrow().get("UPRBS")).isEqualTo("       1");
    }

    @Test
    void templateWithoutDeclarationAndEmptyDocnumKeepsEmptyElements() {
        Idoc idoc = Corpus.xml("n8nidocguard_orders05_orders_inbound_template_no_decl_empty_docnum.xml").get(0);

        assertThat(idoc.control().has("DOCNUM")).isTrue();
        assertThat(idoc.docnum()).isEmpty();
        assertThat(idoc.control().cimtyp()).isEmpty();
        assertThat(idoc.control().direct()).isEqualTo("2");
        assertThat(idoc.first("E1EDK02").orElseThrow().get("BELNR")).isEqualTo("ATLR-20260822-001");
        assertThat(idoc.segments("E1EDP01")).extracting(s -> s.get("MENGE")).containsExactly("2", "3");
        assertThat(idoc.segments("E1EDP01").get(1).firstChild("E1EDP20").orElseThrow().get("WMENG")).isEqualTo("3");
        assertThat(idoc.segmentCount()).isEqualTo(14);
    }

    @Test
    void deliveryWithNonNumericDocnumIsReadAsText() {
        Idoc idoc = Corpus.xml("ballerina_delvry03_desadv_nonnumeric_docnum.xml").get(0);

        assertThat(idoc.docnum()).isEqualTo("Avon");
        assertThat(idoc.idocType()).isEqualTo("DELVRY03");
        assertThat(idoc.messageType()).isEqualTo("DESADV");
        assertThat(idoc.first("E1EDL20").orElseThrow().fields())
                .containsEntry("VBELN", "Avon").containsEntry("NTGEW", "82").containsEntry("INCO1", "Route");
    }

    @Test
    void customerMasterWithNestedSegmentsIsReadAsATree() {
        Idoc idoc = Corpus.xml("frumania_debmas07_debmas_s4hana_indented_no_final_newline.xml").get(0);

        assertThat(idoc.docnum()).isEqualTo("0000000000199045");
        assertThat(idoc.idocType()).isEqualTo("DEBMAS07");
        Segment customer = idoc.segments().get(0);
        assertThat(customer.type()).isEqualTo("E1KNA1M");
        assertThat(customer.get("NAME1")).isEqualTo("Test123");
        assertThat(customer.firstChild("E1KNA11").orElseThrow().get("RIC")).isEqualTo("00000000000");
    }

    @ParameterizedTest
    @FieldSource("XML_FILES")
    void everyXmlCorpusFileSurvivesWriteAndReadBack(String file) {
        List<Idoc> original = Corpus.xml(file);

        String written = IdocXmlWriter.create().write(original);
        List<Idoc> reread = IdocXmlReader.create().read(written);

        assertThat(written).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(reread).isEqualTo(original);
    }
}
