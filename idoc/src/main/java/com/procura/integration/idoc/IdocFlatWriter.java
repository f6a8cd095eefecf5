package com.procura.integration.idoc;

import java.util.List;

/**
 * Writes IDoc flat files in record-type version 3: an EDI_DC40 control record of exactly 524
 * characters and EDI_DD40 data records of exactly 1063 characters per IDoc. SEGNUM counts from 1,
 * PSGNUM names the parent, HLEVEL is 02 for top-level segments. SEGNAM is the definition name read
 * from a flat file (E2EDK01005) or else the segment type. Thread-safe.
 */
public final class IdocFlatWriter {

    private final SegmentDefinitions definitions;
    private final String lineSeparator;

    private IdocFlatWriter(SegmentDefinitions definitions, String lineSeparator) {
        this.definitions = definitions;
        this.lineSeparator = lineSeparator;
    }

    /** Built-in definitions, LF line ends. */
    public static IdocFlatWriter create() {
        return new IdocFlatWriter(SegmentDefinitions.builtIn(), "\n");
    }

    public IdocFlatWriter withDefinitions(SegmentDefinitions segmentDefinitions) {
        return new IdocFlatWriter(segmentDefinitions, lineSeparator);
    }

    public IdocFlatWriter withLineSeparator(String separator) {
        return new IdocFlatWriter(definitions, separator);
    }

    public String write(Idoc idoc) {
        return write(List.of(idoc));
    }

    /**
     * @throws IdocFormatException naming segment and field when a value does not fit its length, a
     *         field has no place in the segment definition, or a segment with fields has no definition
     */
    public String write(List<Idoc> idocs) {
        SegmentDefinition controlLayout = definitions.record("EDI_DC40")
                .orElseThrow(() -> new IllegalStateException("no EDI_DC40 layout in the segment definitions"));
        StringBuilder out = new StringBuilder(idocs.size() * 16 * IdocFlatLayout.V3_DATA_RECORD_LENGTH);
        for (Idoc idoc : idocs) {
            ControlRecordCodec.encode(idoc.control(), controlLayout, out);
            out.append(lineSeparator);
            int[] counter = {0};
            for (Segment segment : idoc.segments()) {
                writeSegment(out, idoc.control(), segment, 0, 2, counter);
            }
        }
        return out.toString();
    }

    private void writeSegment(StringBuilder out, ControlRecord control, Segment segment, int parentNumber,
                              int level, int[] counter) {
        int number = ++counter[0];
        String segmentName = segment.definitionName().orElse(segment.type());
        if (segmentName.length() > 30) {
            throw IdocFormatException.inSegment(segment.type(), null, "segment name '" + segmentName
                    + "' is longer than the 30 characters of SEGNAM");
        }
        FixedWidth.appendPadded(out, segmentName, 30);
        FixedWidth.appendPadded(out, control.mandt(), 3);
        FixedWidth.appendPadded(out, control.docnum(), 16);
        FixedWidth.appendZeroPadded(out, number, 6);
        FixedWidth.appendZeroPadded(out, parentNumber, 6);
        FixedWidth.appendZeroPadded(out, level, 2);
        SegmentDataCodec.encode(segment, definitions.segment(segment.type()).orElse(null), out);
        out.append(lineSeparator);
        for (Segment child : segment.children()) {
            writeSegment(out, control, child, number, level + 1, counter);
        }
    }
}
