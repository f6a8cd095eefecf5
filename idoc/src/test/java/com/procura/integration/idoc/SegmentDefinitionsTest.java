package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentDefinitionsTest {

    private final SegmentDefinitions builtIn = SegmentDefinitions.builtIn();

    @ParameterizedTest
    @CsvSource({
            "E2EDK01005, E1EDK01",
            "E2EDKA1002, E1EDKA1",
            "E2EDP19001, E1EDP19",
            "E2EDK03, E1EDK03",
            "E1EDK01, E1EDK01",
            "E2WPA02002, E1WPA02",
            "E2WPA01, E1WPA01",
            "Z2ORDER000, Z1ORDER",
            "Z1ORDER, Z1ORDER"})
    void segmentDefinitionNamesResolveToSegmentTypes(String segmentName, String type) {
        assertThat(builtIn.segmentTypeFor(segmentName)).isEqualTo(type);
    }

    @Test
    void controlRecordLayoutsHaveTheirSapWidths() {
        assertThat(builtIn.record("EDI_DC40").orElseThrow().width()).isEqualTo(524);
        assertThat(builtIn.record("EDI_DC40").orElseThrow().field("IDOCTYP").orElseThrow().offset()).isEqualTo(39);
        assertThat(builtIn.record("EDI_DC40").orElseThrow().field("SERIAL").orElseThrow().offset()).isEqualTo(504);
        assertThat(builtIn.record("EDI_DC").orElseThrow().field("SNDPFC").orElseThrow().end()).isEqualTo(443);
    }

    @Test
    void segmentWidthsMatchTheVersionsSeenInRealFlatFiles() {
        assertThat(builtIn.segment("E1EDKA1").orElseThrow().field("SPRAS_ISO").orElseThrow().end()).isEqualTo(980);
        assertThat(builtIn.segment("E1EDP01").orElseThrow().field("EMPST").orElseThrow().end()).isEqualTo(304);
        assertThat(builtIn.segment("E1EDK01").orElseThrow().field("EMPST").orElseThrow().end()).isEqualTo(338);
        assertThat(builtIn.segment("E1EDP19").orElseThrow().field("MFRNR").orElseThrow().end()).isEqualTo(160);
        assertThat(builtIn.segment("E1EDS01").orElseThrow().width()).isEqualTo(27);
    }

    @Test
    void builtInDefinitionsCoverTheRequiredBasicTypes() {
        assertThat(builtIn.basicType("ORDERS05").orElseThrow().node("E1EDP20").orElseThrow().parentType())
                .isEqualTo("E1EDP01");
        assertThat(builtIn.basicType("SYSTAT01")).isPresent();
        assertThat(builtIn.basicType("DELVRY03")).isPresent();
        assertThat(builtIn.basicType("ORDERS01")).isPresent();
        for (String type : new String[]{"E1EDK01", "E1EDK14", "E1EDK03", "E1EDK04", "E1EDK05", "E1EDKA1", "E1EDKA3",
                "E1EDK02", "E1EDK17", "E1EDK18", "E1EDKT1", "E1EDKT2", "E1EDP01", "E1EDP02", "E1EDP03", "E1EDP04",
                "E1EDP05", "E1EDP20", "E1EDPA1", "E1EDP19", "E1EDPT1", "E1EDPT2", "E1EDS01", "E1STATS", "E1EDL20",
                "E1EDL24"}) {
            assertThat(builtIn.segment(type)).as(type).isPresent();
        }
    }

    @Test
    void everyBasicTypeNodeHasASegmentDefinitionAndAKnownParent() {
        for (String name : new String[]{"ORDERS05", "ORDERS01", "SYSTAT01", "DELVRY03"}) {
            BasicTypeDefinition basicType = builtIn.basicType(name).orElseThrow();
            for (StructureNode node : basicType.nodes()) {
                assertThat(builtIn.segment(node.segmentType())).as(name + " " + node.segmentType()).isPresent();
                if (!node.isTopLevel()) {
                    assertThat(basicType.node(node.parentType())).as(name + " parent of " + node.segmentType()).isPresent();
                }
            }
        }
    }

    @Test
    void malformedDefinitionFileIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> builtIn.with(new StringReader("segment Z1X\nfield ZZA 2\nfield ZZB two\n"), "z.def"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z.def line 3: field length 'two' is not a number");
    }

    @Test
    void segmentWiderThanSegmentDataIsRejected() {
        assertThatThrownBy(() -> builtIn.with(new StringReader("segment Z1X\nfield A 600\nfield B 401\n"), "z.def"))
                .hasMessage("z.def line 3: segment Z1X is 1001 characters wide, more than the 1000 of SDATA");
    }

    @Test
    void customerFileCanExtendAStandardSegmentWithZFields() {
        StringBuilder file = new StringBuilder("segment E1EDK01\n");
        builtIn.segment("E1EDK01").orElseThrow().fields()
                .forEach(f -> file.append("field ").append(f.name()).append(' ').append(f.length()).append('\n'));
        file.append("field ZZCAMPAIGN 10\n");

        SegmentDefinitions extended = builtIn.with(new StringReader(file.toString()), "zorders.def");

        assertThat(extended.segment("E1EDK01").orElseThrow().field("ZZCAMPAIGN").orElseThrow().offset()).isEqualTo(357);
        assertThat(builtIn.segment("E1EDK01").orElseThrow().field("ZZCAMPAIGN")).isEmpty();
    }
}
