package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdocXmlReaderErrorsTest {

    @Test
    void malformedXmlIsReportedWithLineAndColumn() {
        String xml = "<ORDERS05>\n  <IDOC BEGIN=\"1\">\n    <EDI_DC40 SEGMENT=\"1\"><DOCNUM>1</DOCNUM>\n"
                + "    </EDI_DC40>\n    <E1EDK01 SEGMENT=\"1\"><BELNR>4711</BELNR>\n  </IDOC>\n</ORDERS05>\n";

        assertThatThrownBy(() -> IdocXmlReader.create().read(new java.io.StringReader(xml), "order.xml"))
                .isInstanceOf(IdocFormatException.class)
                .hasMessageStartingWith("order.xml: XML not well-formed at line 6 column ")
                .hasMessageContaining("E1EDK01");
    }

    @Test
    void rootWithoutIdocChildIsNotAnIdocXmlDocument() {
        String xml = "<?xml version=\"1.0\"?>\n\n<ORDERS05>\n</ORDERS05>";

        assertThatThrownBy(() -> IdocXmlReader.create().read(xml))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("line 3: not an IDoc-XML document: root element <ORDERS05> has no IDOC child");
    }

    @Test
    void idocWithoutControlRecordIsRejected() {
        String xml = "<ORDERS05><IDOC BEGIN=\"1\">\n<E1EDK01 SEGMENT=\"1\"/></IDOC></ORDERS05>";

        assertThatThrownBy(() -> IdocXmlReader.create().read(xml))
                .hasMessage("line 2 (E1EDK01): IDOC must start with the EDI_DC40 control record, found <E1EDK01>");
    }

    @Test
    void fieldContainingAnElementIsReportedWithSegmentAndField() {
        String xml = "<ORDERS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"/>\n<E1EDK01 SEGMENT=\"1\">\n"
                + "<BELNR><X/></BELNR></E1EDK01></IDOC></ORDERS05>";

        assertThatThrownBy(() -> IdocXmlReader.create().read(xml))
                .hasMessage("line 3 (E1EDK01) field BELNR: field contains element <X>; a nested segment needs"
                        + " SEGMENT=\"1\"");
    }

    @Test
    void externalEntityIsNeverResolved() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ORDERS05 [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<ORDERS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>&xxe;</DOCNUM></EDI_DC40></IDOC>"
                + "</ORDERS05>";

        assertThatThrownBy(() -> IdocXmlReader.create().read(xml))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("line 2: DTDs are not allowed in IDoc-XML");
    }

    @Test
    void severalIdocsInOneDocumentAreAllRead() {
        String xml = "<ORDERS05>"
                + "<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>1</DOCNUM></EDI_DC40>"
                + "<E1EDK01 SEGMENT=\"1\"><BELNR>A</BELNR></E1EDK01></IDOC>"
                + "<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>2</DOCNUM></EDI_DC40>"
                + "<E1EDK01 SEGMENT=\"1\"><BELNR>B</BELNR></E1EDK01></IDOC></ORDERS05>";

        List<Idoc> idocs = IdocXmlReader.create().read(xml);

        assertThat(idocs).extracting(Idoc::docnum).containsExactly("1", "2");
        assertThat(idocs).extracting(i -> i.first("E1EDK01").orElseThrow().get("BELNR")).containsExactly("A", "B");
    }

    @Test
    void customerSegmentsAndNamespacedSegmentsAreKept() {
        String xml = "<ZORDERS05><IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><IDOCTYP>ORDERS05</IDOCTYP>"
                + "<CIMTYP>ZORDERS05</CIMTYP></EDI_DC40>"
                + "<E1EDP01 SEGMENT=\"1\"><POSEX>10</POSEX><Z1ITEM SEGMENT=\"1\"><ZZCOLOR>red</ZZCOLOR></Z1ITEM></E1EDP01>"
                + "<_-ACME_-E1TRACK SEGMENT=\"1\"><ID>7</ID></_-ACME_-E1TRACK></IDOC></ZORDERS05>";

        Idoc idoc = IdocXmlReader.create().read(xml).get(0);

        Segment custom = idoc.first("Z1ITEM").orElseThrow();
        assertThat(custom.isCustomerSegment()).isTrue();
        assertThat(custom.get("ZZCOLOR")).isEqualTo("red");
        assertThat(idoc.first("/ACME/E1TRACK").orElseThrow().get("ID")).isEqualTo("7");
        String written = IdocXmlWriter.create().write(idoc);
        assertThat(written).contains("<ZORDERS05>", "<_-ACME_-E1TRACK SEGMENT=\"1\">");
        assertThat(IdocXmlReader.create().read(written)).containsExactly(idoc);
    }
}
