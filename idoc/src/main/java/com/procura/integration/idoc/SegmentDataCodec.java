package com.procura.integration.idoc;

import java.util.Map;

/** Segment data (SDATA) to and from named fields, following a {@link SegmentDefinition}. */
final class SegmentDataCodec {

    private SegmentDataCodec() {
    }

    /**
     * Splits segment data into fields; blank fields are left out, values keep leading blanks.
     * Without a definition, or past the defined width, the data stays raw in unparsedData.
     */
    static Segment.Builder decode(String type, String segmentName, String text, int start, int end,
                                  SegmentDefinition definition) {
        Segment.Builder builder = Segment.builder(type).definitionName(segmentName);
        int width = 0;
        if (definition != null) {
            for (FieldDefinition field : definition.fields()) {
                String value = FixedWidth.field(text, start, end, field.offset(), field.length());
                if (!value.isEmpty()) {
                    builder.field(field.name(), value);
                }
            }
            width = definition.width();
        }
        String rest = FixedWidth.field(text, start, end, width, IdocFlatLayout.SDATA_LENGTH);
        return rest.isEmpty() ? builder : builder.unparsedData(rest);
    }

    /** Appends exactly {@link IdocFlatLayout#SDATA_LENGTH} characters of segment data. */
    static void encode(Segment segment, SegmentDefinition definition, StringBuilder out) {
        int start = out.length();
        if (definition == null) {
            if (!segment.fields().isEmpty()) {
                throw IdocFormatException.inSegment(segment.type(), segment.fields().keySet().iterator().next(),
                        "segment has named fields but no segment definition, so their flat positions are unknown;"
                                + " add a definition with SegmentDefinitions.with(...)");
            }
        } else {
            for (Map.Entry<String, String> entry : segment.fields().entrySet()) {
                if (definition.field(entry.getKey()).isEmpty()) {
                    throw IdocFormatException.inSegment(segment.type(), entry.getKey(),
                            "field is not in the segment definition, so its flat position is unknown");
                }
            }
            for (FieldDefinition field : definition.fields()) {
                String value = segment.get(field.name());
                if (value.length() > field.length()) {
                    throw IdocFormatException.inSegment(segment.type(), field.name(), "value '" + value + "' is "
                            + value.length() + " characters, at most " + field.length() + " fit");
                }
                FixedWidth.appendPadded(out, value, field.length());
            }
        }
        out.append(segment.unparsedData());
        int written = out.length() - start;
        if (written > IdocFlatLayout.SDATA_LENGTH) {
            throw IdocFormatException.inSegment(segment.type(), null, "segment data is " + written
                    + " characters, at most " + IdocFlatLayout.SDATA_LENGTH + " fit");
        }
        for (int i = written; i < IdocFlatLayout.SDATA_LENGTH; i++) {
            out.append(' ');
        }
    }
}
