package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.procura.integration.idoc.Idoc;
import com.procura.orders.OrderDraft;
import com.procura.orders.OrderImport.ImportException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values the database could not hold are refused by segment and field, before anything is stored. */
class IdocOrderMapperTest {
    private static final SapPartner PARTNER = new SapPartner(1, "SAP", IdocSamples.SAP_SYSTEM, true,
            SapPartner.PortType.FILE, SapPartner.FileFormat.XML, null, null, null, "PROCURA", "PROCURA", 5, "EUR", "");

    private static Idoc idoc(String from, String to) {
        String xml = IdocSamples.orderXml("0000000000004711", "4500000001",
                new IdocSamples.Item(10, "M-1", "5", "2.50", "20261224"));
        assertThat(xml).contains(from);
        return IdocPayloads.parse(xml.replace(from, to).getBytes(StandardCharsets.UTF_8), "test.xml").getFirst();
    }

    @Test
    void aWellFormedOrderMaps() {
        OrderDraft draft = IdocOrderMapper.map(idoc("<CURCY>EUR</CURCY>", "<CURCY>CHF</CURCY>"), PARTNER);

        assertThat(draft.currency()).isEqualTo("CHF");
        assertThat(draft.supplier().country()).isEqualTo("DE");
    }

    @Test
    void aCurrencyThatIsNoIsoCodeIsRefusedNamingSegmentAndField() {
        assertThatThrownBy(() -> IdocOrderMapper.map(idoc("<CURCY>EUR</CURCY>", "<CURCY>EURO</CURCY>"), PARTNER))
                .isInstanceOf(ImportException.class)
                .hasMessage("E1EDK01-CURCY: currency 'EURO' is not a three-letter ISO 4217 code such as EUR");
    }

    @Test
    void aCountryThatIsNoIsoCodeIsRefusedNamingSegmentAndField() {
        assertThatThrownBy(() -> IdocOrderMapper.map(idoc("<LAND1>DE</LAND1>", "<LAND1>DEU</LAND1>"), PARTNER))
                .isInstanceOf(ImportException.class)
                .hasMessage("E1EDKA1 LF-LAND1: country 'DEU' is not a two-letter ISO 3166 code such as DE");
    }
}
