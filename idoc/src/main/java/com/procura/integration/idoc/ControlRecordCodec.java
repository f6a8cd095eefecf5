package com.procura.integration.idoc;

import java.util.Map;

/** Control record to and from its fixed-width flat form. */
final class ControlRecordCodec {

    private ControlRecordCodec() {
    }

    /**
     * Decodes a (possibly right-trimmed) control record. Blank fields are left out. A record-type
     * version 2 record (EDI_DC) is normalised to the EDI_DC40 model: TABNAM becomes EDI_DC40 and
     * the old 8-character DOCTYP fills IDOCTYP when that is blank.
     */
    static ControlRecord decode(String text, int start, int end, SegmentDefinition layout) {
        ControlRecord.Builder builder = ControlRecord.builder();
        String doctyp = "";
        for (FieldDefinition field : layout.fields()) {
            String value = FixedWidth.field(text, start, end, field.offset(), field.length());
            if (field.name().equals("DOCTYP")) {
                doctyp = value;
            } else if (!value.isEmpty()) {
                builder.set(field.name(), value);
            }
        }
        if (layout.name().equals("EDI_DC")) {
            builder.set("TABNAM", "EDI_DC40");
            ControlRecord partial = builder.build();
            if (partial.idoctyp().isEmpty() && !doctyp.isEmpty()) {
                builder.set("IDOCTYP", doctyp);
            } else if (!doctyp.isEmpty() && !doctyp.equals(partial.idoctyp())) {
                builder.set("DOCTYP", doctyp);
            }
        }
        return builder.build();
    }

    /** Appends the record padded to the layout width; TABNAM is always the layout name. */
    static void encode(ControlRecord control, SegmentDefinition layout, StringBuilder out) {
        for (Map.Entry<String, String> entry : control.fields().entrySet()) {
            if (layout.field(entry.getKey()).isEmpty() && !entry.getValue().isEmpty()) {
                throw IdocFormatException.inSegment(layout.name(), entry.getKey(),
                        "control record field is not part of " + layout.name() + " (value '" + entry.getValue() + "')");
            }
        }
        for (FieldDefinition field : layout.fields()) {
            String value = field.name().equals("TABNAM") ? layout.name() : control.get(field.name());
            if (value.length() > field.length()) {
                throw IdocFormatException.inSegment(layout.name(), field.name(), "value '" + value + "' is "
                        + value.length() + " characters, at most " + field.length() + " fit");
            }
            FixedWidth.appendPadded(out, value, field.length());
        }
    }
}
