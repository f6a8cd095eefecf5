package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdocValidatorTest {

    @Test
    void realOrderConfirmationHasNoErrors() {
        Idoc idoc = Corpus.xml("sapsamples_orders05_ordrsp_s4hana_tabs_crlf_short_docnum.xml").get(0);

        assertThat(IdocValidator.create().validate(idoc))
                .filteredOn(p -> p.severity() == ValidationProblem.Severity.ERROR).isEmpty();
    }

    @Test
    void missingDocnumIsReportedNamingSegmentAndField() {
        Idoc template = Corpus.xml("n8nidocguard_orders05_orders_inbound_template_no_decl_empty_docnum.xml").get(0);

        List<ValidationProblem> problems = IdocValidator.create().requireControlFields("DOCNUM").validate(template);

        assertThat(problems).extracting(ValidationProblem::toString)
                .contains("ERROR EDI_DC40 field DOCNUM: mandatory field is empty");
        assertThat(problems).filteredOn(p -> "DOCNUM".equals(p.field()))
                .singleElement().satisfies(p -> assertThat(p.segment()).isEqualTo("EDI_DC40"));
    }

    @Test
    void emptyMandatorySegmentFieldIsReportedWithItsPath() {
        Idoc status = new Idoc(ControlRecord.builder().set("IDOCTYP", "SYSTAT01").build(),
                List.of(Segment.builder("E1STATS").field("STATUS", "12").field("LOGDAT", "20260101")
                        .field("LOGTIM", "120000").build()));

        assertThat(IdocValidator.create().validate(status)).extracting(ValidationProblem::toString)
                .contains("ERROR E1STATS[1] field DOCNUM: mandatory field is empty");
    }

    @Test
    void misplacedAndTooFrequentSegmentsAreErrors() {
        Segment scheduleLineOnTop = Segment.builder("E1EDP20").field("WMENG", "1").build();
        Idoc idoc = new Idoc(ControlRecord.builder().set("IDOCTYP", "ORDERS05").build(),
                List.of(Segment.builder("E1EDK01").build(), Segment.builder("E1EDK01").build(), scheduleLineOnTop));

        assertThat(IdocValidator.create().validate(idoc)).extracting(ValidationProblem::toString).contains(
                "ERROR E1EDP20[1]: segment belongs under E1EDP01 in ORDERS05, found on the top level",
                "ERROR ORDERS05: segment E1EDK01 occurs 2 times, at most 1 allowed");
    }

    @Test
    void valueTooLongAndUnknownFieldAreReported() {
        Segment header = Segment.builder("E1EDK01").field("CURCY", "EURO").field("ZZEXTRA", "x").build();
        Idoc idoc = new Idoc(ControlRecord.builder().set("IDOCTYP", "ORDERS05").build(), List.of(header));

        assertThat(IdocValidator.create().validate(idoc)).extracting(ValidationProblem::toString).contains(
                "ERROR E1EDK01[1] field CURCY: value 'EURO' is 4 characters, at most 3 allowed",
                "WARNING E1EDK01[1] field ZZEXTRA: field is not in the definition of E1EDK01; add it to a definition"
                        + " file to write it to a flat file");
    }

    @Test
    void customerSegmentsAreAcceptedWithoutDefinition() {
        Idoc idoc = new Idoc(ControlRecord.builder().set("IDOCTYP", "ORDERS05").build(),
                List.of(Segment.builder("E1EDK01").build(), Segment.builder("Z1EXTRA").field("ZZ", "1").build()));

        assertThat(IdocValidator.create().validate(idoc)).noneMatch(p -> "Z1EXTRA".equals(p.segment()));
    }
}
