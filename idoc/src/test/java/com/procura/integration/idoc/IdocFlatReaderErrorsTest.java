package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdocFlatReaderErrorsTest {

    private static final String CONTROL = String.format("%-524s", "EDI_DC40  0320000000000000042620 302   ORDERS05");

    private static String dataRecord(String segmentName, int segnum, int psgnum, int level, String data) {
        return String.format("%-30s%-3s%-16s%06d%06d%02d", segmentName, "032", "0000000000000042", segnum, psgnum,
                level) + data;
    }

    @Test
    void flatRecordShorterThanFullWidthIsReportedWithRecordNumberWhenLengthsAreStrict() {
        String file = CONTROL + "\n" + String.format("%-1063s", dataRecord("E1EDK01", 1, 0, 2, "")) + "\n"
                + String.format("%-1063s", dataRecord("E1EDP01", 2, 0, 2, "000010")).substring(0, 880) + "\n";

        assertThatThrownBy(() -> IdocFlatReader.create().withStrictRecordLengths().read(file, "order.idoc"))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("order.idoc record 3 (E1EDP01): data record is 880 characters, expected 1063");
    }

    @Test
    void dataRecordShorterThanItsHeaderIsReportedEvenWhenTolerant() {
        String file = CONTROL + "\n" + dataRecord("E1EDK01", 1, 0, 2, "").substring(0, 40) + "\n";

        assertThatThrownBy(() -> IdocFlatReader.create().read(file, "order.idoc"))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("order.idoc record 2 (E1EDK01): data record is 40 characters, shorter than its"
                        + " 63-character header");
    }

    @Test
    void dataRecordLongerThan1063CharactersIsRejected() {
        String file = CONTROL + "\n" + String.format("%-1080s", dataRecord("E1EDK01", 1, 0, 2, "X"));

        assertThatThrownBy(() -> IdocFlatReader.create().read(file, null))
                .hasMessage("record 2 (E1EDK01): data record is 1080 characters, at most 1063 expected");
    }

    @Test
    void unknownRecordTypeIsNamed() {
        String file = CONTROL + "\n" + String.format("%-100s", "EDI_DS40  032");

        assertThatThrownBy(() -> IdocFlatReader.create().read(file, "status.idoc"))
                .isInstanceOf(IdocFormatException.class)
                .hasMessage("status.idoc record 2: unknown record type 'EDI_DS40': expected a control record"
                        + " (EDI_DC40, EDI_DC) or a data record");
    }

    @Test
    void dataRecordBeforeAnyControlRecordIsRejected() {
        assertThatThrownBy(() -> IdocFlatReader.create().read(dataRecord("E1EDK01", 1, 0, 2, "   EUR"), null))
                .hasMessage("record 1: expected a control record (EDI_DC40 or EDI_DC) before the first data record,"
                        + " found 'E1EDK01'");
    }

    @Test
    void lineThatIsNotADataRecordIsReportedWithTheBadHeaderField() {
        String file = CONTROL + "\n" + String.format("%-30s%-50s", "E1EDK01", "garbage in the header");

        IdocFormatException error = (IdocFormatException) org.assertj.core.api.Assertions.catchThrowable(
                () -> IdocFlatReader.create().read(file, null));

        assertThat(error.lineNumber()).isEqualTo(2);
        assertThat(error.segment()).isEqualTo("E1EDK01");
        assertThat(error.field()).isEqualTo("SEGNUM");
        assertThat(error.getMessage()).startsWith("record 2 (E1EDK01) field SEGNUM: '");
    }

    @Test
    void parentSegmentNumberThatDoesNotExistIsReported() {
        String file = CONTROL + "\n" + dataRecord("E1EDP01", 1, 0, 2, "000010") + "\n"
                + dataRecord("E1EDP20", 2, 7, 3, "1");

        assertThatThrownBy(() -> IdocFlatReader.create().read(file, null))
                .hasMessage("record 3 (E1EDP20) field PSGNUM: parent segment number 7 does not belong to an"
                        + " earlier segment");
    }

    @Test
    void fileWithoutControlRecordIsRejected() {
        assertThatThrownBy(() -> IdocFlatReader.create().read("\n\n", "empty.idoc"))
                .hasMessage("empty.idoc: no IDoc found: the file has no control record");
    }

    @Test
    void envelopeWithoutIdocDataIsRejected() {
        assertThatThrownBy(() -> IdocFlatReader.create().read("<SendIdoc><other/></SendIdoc>", "env.xml"))
                .hasMessageStartingWith("env.xml: XML envelope has no idocData element");
    }

    @Test
    void severalIdocsInOneFileAreSplitAtEachControlRecord() {
        String file = CONTROL + "\r\n" + dataRecord("E1EDK01", 1, 0, 2, "    EUR") + "\r\n"
                + CONTROL.replace("0000000000000042", "0000000000000043") + "\r\n"
                + dataRecord("E1EDK01", 1, 0, 2, "    USD") + "\r\n";

        var idocs = IdocFlatReader.create().read(file, null);

        assertThat(idocs).extracting(Idoc::idocType).containsExactly("ORDERS05", "ORDERS05");
        assertThat(idocs).extracting(Idoc::docnum).containsExactly("0000000000000042", "0000000000000043");
        assertThat(idocs).extracting(i -> i.first("E1EDK01").orElseThrow().get("CURCY")).containsExactly("EUR", "USD");
    }
}
