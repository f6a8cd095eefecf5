package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdocFlatWriterTest {

    private static ControlRecord control() {
        return ControlRecord.builder().set("TABNAM", "EDI_DC40").set("MANDT", "100").set("DOCNUM", "0000000000000815")
                .set("DIRECT", "1").set("IDOCTYP", "ORDERS05").set("MESTYP", "ORDERS").set("SNDPRN", "SAPCLNT100")
                .build();
    }

    @Test
    void dataRecordsCarryControlNumbersParentNumbersAndLevels() {
        Segment item = Segment.builder("E1EDP01").field("POSEX", "000010").field("MENGE", "5")
                .child(Segment.builder("E1EDP20").field("WMENG", "5").build()).build();
        Idoc idoc = new Idoc(control(), List.of(Segment.builder("E1EDK01").field("BELNR", "4500000001").build(), item));

        List<String> records = IdocFlatWriter.create().write(idoc).lines().toList();

        assertThat(records).hasSize(4);
        assertThat(records.get(0).substring(39, 47)).isEqualTo("ORDERS05");
        assertThat(records.get(3).substring(0, 63))
                .isEqualTo(String.format("%-30s%s%s%s%s%s", "E1EDP20", "100", "0000000000000815", "000003", "000002", "03"));
        assertThat(records.get(2).substring(63, 69)).isEqualTo("000010");
        assertThat(records.get(1).substring(63 + 83, 63 + 83 + 10)).isEqualTo("4500000001");
    }

    @Test
    void valueLongerThanItsFieldIsReportedWithSegmentAndField() {
        Idoc idoc = new Idoc(control(), List.of(Segment.builder("E1EDK01").field("CURCY", "EURO").build()));

        assertThatThrownBy(() -> IdocFlatWriter.create().write(idoc))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("segment E1EDK01 field CURCY: value 'EURO' is 4 characters, at most 3 fit");
    }

    @Test
    void controlFieldLongerThanItsFieldIsReported() {
        Idoc idoc = new Idoc(control().toBuilder().set("DOCNUM", "12345678901234567").build(), List.of());

        assertThatThrownBy(() -> IdocFlatWriter.create().write(idoc))
                .hasMessage("segment EDI_DC40 field DOCNUM: value '12345678901234567' is 17 characters, at most 16 fit");
    }

    @Test
    void customerSegmentFromXmlNeedsADefinitionForFlatOutput() {
        Idoc idoc = new Idoc(control(), List.of(Segment.builder("Z1ORDER").field("ZZPRIO", "1").build()));

        assertThatThrownBy(() -> IdocFlatWriter.create().write(idoc))
                .hasMessageStartingWith("segment Z1ORDER field ZZPRIO: segment has named fields but no segment definition");
    }

    @Test
    void customerDefinitionFileMakesCustomerSegmentsWritableAndReadable() {
        SegmentDefinitions definitions = SegmentDefinitions.builtIn().with(new StringReader("""
                segment Z1ORDER
                field ZZPRIO 2
                field ZZNOTE 40
                """), "customer.def");
        Idoc idoc = new Idoc(control(), List.of(Segment.builder("Z1ORDER").field("ZZPRIO", "1").field("ZZNOTE", "rush").build()));

        String flat = IdocFlatWriter.create().withDefinitions(definitions).write(idoc);
        Idoc reread = IdocFlatReader.create().withDefinitions(definitions).read(flat).get(0);

        assertThat(reread).isEqualTo(idoc);
    }

    @Test
    void segmentWithoutDefinitionIsWrittenBackExactlyAsRead() {
        String original = Corpus.text("idoc-flat/bots_wp_plu02_flat_crlf_small.idoc");
        List<String> originalData = original.lines().skip(1).map(l -> l.substring(63)).toList();

        String written = IdocFlatWriter.create().write(IdocFlatReader.create().read(original));

        List<String> writtenData = written.lines().skip(1).map(l -> l.substring(63)).toList();
        assertThat(writtenData).hasSameSizeAs(originalData);
        for (int i = 0; i < originalData.size(); i++) {
            assertThat(writtenData.get(i)).startsWith(originalData.get(i).stripTrailing());
            assertThat(writtenData.get(i).substring(originalData.get(i).stripTrailing().length())).isBlank();
        }
    }

    @Test
    void crlfLineSeparatorCanBeChosen() {
        String flat = IdocFlatWriter.create().withLineSeparator("\r\n").write(new Idoc(control(), List.of()));

        assertThat(flat).hasSize(526).endsWith("\r\n");
    }

    @Test
    void customerSegmentInAFlatFileIsKeptRawInItsPlaceAndWrittenBackUnchanged() {
        String flat = String.format("%-524s%n", "EDI_DC40  1000000000000000815620 30    ORDERS05")
                + String.format("%-30s%s%s%s%s%n", "E2EDP01003", "100", "0000000000000815", "00000100000002", "000010")
                + String.format("%-30s%s%s%s%s%n", "Z2ITEMX000", "100", "0000000000000815", "00000200000103",
                "RUSH  handle with care");

        Idoc idoc = IdocFlatReader.create().read(flat).get(0);

        Segment custom = idoc.first("E1EDP01").orElseThrow().firstChild("Z1ITEMX").orElseThrow();
        assertThat(custom.definitionName()).contains("Z2ITEMX000");
        assertThat(custom.unparsedData()).isEqualTo("RUSH  handle with care");
        String written = IdocFlatWriter.create().write(idoc);
        assertThat(written.lines().toList().get(2)).startsWith("Z2ITEMX000").contains("RUSH  handle with care");
        assertThat(IdocFlatReader.create().read(written)).containsExactly(idoc);
    }
}
