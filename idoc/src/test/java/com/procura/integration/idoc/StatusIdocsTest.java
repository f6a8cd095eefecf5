package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusIdocsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:15:30Z"), ZoneId.of("Europe/Berlin"));

    private static Idoc sapOrder() {
        return Corpus.flat("bots_orders01_flat_crl_4200006016.idoc").get(0);
    }

    @Test
    void statusIdocGoesBackToTheSenderAndNamesSapsDocnum() {
        Idoc status = StatusIdocs.forInboundIdoc(sapOrder(), IdocStatus.FUNCTIONAL_ACKNOWLEDGEMENT_POSITIVE,
                "Order confirmed by supplier", CLOCK, "4200006016");

        ControlRecord control = status.control();
        assertThat(control.idoctyp()).isEqualTo("SYSTAT01");
        assertThat(control.mestyp()).isEqualTo("STATUS");
        assertThat(control.direct()).isEqualTo("2");
        assertThat(control.rcvpor()).isEqualTo("SAPHID");
        assertThat(control.rcvprn()).isEqualTo("HID032");
        assertThat(control.sndprn()).isEqualTo("0000088333");
        assertThat(control.credat()).isEqualTo("20260302");
        Segment e1stats = status.segments().get(0);
        assertThat(e1stats.fields()).containsEntry("TABNAM", "EDI_DS").containsEntry("DOCNUM", "0000000000887339")
                .containsEntry("STATUS", "16").containsEntry("LOGDAT", "20260302").containsEntry("LOGTIM", "101530")
                .containsEntry("STATXT", "Order confirmed by supplier").containsEntry("STAPA1", "4200006016")
                .containsEntry("STATYP", "S");
        assertThat(IdocValidator.create().validate(status)).isEmpty();
    }

    @Test
    void statusIdocRoundTripsThroughXmlAndFlat() {
        Idoc status = StatusIdocs.forInboundIdoc(sapOrder(), IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED,
                "Supplier unknown", CLOCK);

        assertThat(IdocXmlReader.create().read(IdocXmlWriter.create().write(status))).containsExactly(status);
        assertThat(IdocFlatReader.create().read(IdocFlatWriter.create().write(status))).containsExactly(status);
        assertThat(status.segments().get(0).get("STATYP")).isEqualTo("E");
    }

    @Test
    void statusForAnIdocWithoutDocnumIsRefused() {
        Idoc template = Corpus.xml("n8nidocguard_orders05_orders_inbound_template_no_decl_empty_docnum.xml").get(0);

        assertThatThrownBy(() -> StatusIdocs.forInboundIdoc(template, IdocStatus.DISPATCH_OK, "ok", CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no DOCNUM");
    }

    @Test
    void statusTextLongerThanStatxtIsRefused() {
        assertThatThrownBy(() -> StatusIdocs.forInboundIdoc(sapOrder(), IdocStatus.DISPATCH_OK, "x".repeat(71), CLOCK))
                .hasMessageStartingWith("status text is 71 characters, at most 70 fit into E1STATS");
    }

    @Test
    void statusCodesAreSapsTwoDigitCodes() {
        assertThat(IdocStatus.ofCode("12")).isEqualTo(IdocStatus.DISPATCH_OK);
        assertThat(IdocStatus.ofCode("41")).isEqualTo(IdocStatus.APPLICATION_DOCUMENT_CREATED);
        assertThatThrownBy(() -> IdocStatus.ofCode("53")).hasMessageContaining("not one an external system reports");
    }
}
