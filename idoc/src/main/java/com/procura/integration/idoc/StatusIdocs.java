package com.procura.integration.idoc;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds STATUS IDocs (basic type SYSTAT01, message type STATUS, segment E1STATS) that tell SAP
 * what happened to an IDoc SAP sent. Write the result with {@link IdocXmlWriter} or
 * {@link IdocFlatWriter} like any other IDoc.
 */
public final class StatusIdocs {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final int STATXT_LENGTH = 70;
    private static final int STAPA_LENGTH = 20;

    private StatusIdocs() {
    }

    /**
     * A STATUS IDoc about {@code original}, an IDoc that SAP sent to us. Sender and receiver are the
     * original's receiver and sender; E1STATS carries SAP's DOCNUM, the status, the text, the time
     * from {@code clock} (in its zone) and up to four parameters (STAPA1..STAPA4).
     *
     * @param text status text for STATXT, at most 70 characters
     * @throws IllegalArgumentException when the original has no DOCNUM (SAP could not match the
     *         status), the text or a parameter is too long, or there are more than four parameters
     */
    public static Idoc forInboundIdoc(Idoc original, IdocStatus status, String text, Clock clock,
                                      String... parameters) {
        ControlRecord sapControl = original.control();
        if (sapControl.docnum().isBlank()) {
            throw new IllegalArgumentException("the original IDoc has no DOCNUM; SAP matches a status to its IDoc by DOCNUM");
        }
        requireLength("status text", text, STATXT_LENGTH);
        if (parameters.length > 4) {
            throw new IllegalArgumentException("E1STATS has four parameters (STAPA1..STAPA4), got " + parameters.length);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        ControlRecord.Builder control = ControlRecord.builder()
                .set("TABNAM", "EDI_DC40")
                .set("DIRECT", "2")
                .set("IDOCTYP", "SYSTAT01")
                .set("MESTYP", "STATUS");
        // The status goes back the way the IDoc came: our side was SAP's receiver.
        String[][] swapped = {{"MANDT", "MANDT"}, {"SNDPOR", "RCVPOR"}, {"SNDPRT", "RCVPRT"}, {"SNDPFC", "RCVPFC"}, {"SNDPRN", "RCVPRN"},
                {"RCVPOR", "SNDPOR"}, {"RCVPRT", "SNDPRT"}, {"RCVPFC", "SNDPFC"}, {"RCVPRN", "SNDPRN"}};
        for (String[] pair : swapped) {
            if (!sapControl.get(pair[1]).isEmpty()) {
                control.set(pair[0], sapControl.get(pair[1]));
            }
        }
        control.set("CREDAT", DATE.format(now)).set("CRETIM", TIME.format(now));
        Segment.Builder statusSegment = Segment.builder("E1STATS").field("TABNAM", "EDI_DS");
        copyIfPresent(sapControl, "MANDT", statusSegment);
        statusSegment
                .field("DOCNUM", sapControl.docnum())
                .field("LOGDAT", DATE.format(now))
                .field("LOGTIM", TIME.format(now))
                .field("STATUS", status.code())
                .field("STATXT", text);
        for (int i = 0; i < parameters.length; i++) {
            requireLength("parameter " + (i + 1), parameters[i], STAPA_LENGTH);
            statusSegment.field("STAPA" + (i + 1), parameters[i]);
        }
        copyIfPresent(sapControl, "REFINT", statusSegment);
        copyIfPresent(sapControl, "REFGRP", statusSegment);
        copyIfPresent(sapControl, "REFMES", statusSegment);
        copyIfPresent(sapControl, "ARCKEY", statusSegment);
        statusSegment.field("STATYP", status.isError() ? "E" : "S");
        return new Idoc(control.build(), List.of(statusSegment.build()));
    }

    private static void copyIfPresent(ControlRecord control, String field, Segment.Builder segment) {
        if (!control.get(field).isEmpty()) {
            segment.field(field, control.get(field));
        }
    }

    private static void requireLength(String what, String value, int maximum) {
        if (value.length() > maximum) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters, at most " + maximum
                    + " fit into E1STATS: '" + value + "'");
        }
    }
}
