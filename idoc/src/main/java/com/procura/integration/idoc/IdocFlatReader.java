package com.procura.integration.idoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads IDoc flat files: record-type version 3 (EDI_DC40 control record, EDI_DD40 data records) and
 * version 2 (EDI_DC / EDI_DD), several IDocs per file. Accepts LF, CRLF and CR line ends,
 * right-trimmed records, segment definition names with version suffix (E2EDK01005) and a Microsoft
 * SAP adapter {@code <SendIdoc><idocData>} XML envelope around the flat text.
 *
 * <p>The segment tree comes from SEGNUM/PSGNUM and, where PSGNUM is not filled, from HLEVEL.
 * Segments without a definition keep their segment data raw. Thread-safe.
 */
public final class IdocFlatReader {

    private final SegmentDefinitions definitions;
    private final boolean strictRecordLengths;

    private IdocFlatReader(SegmentDefinitions definitions, boolean strictRecordLengths) {
        this.definitions = definitions;
        this.strictRecordLengths = strictRecordLengths;
    }

    /** A reader using the built-in segment definitions, tolerant of right-trimmed records. */
    public static IdocFlatReader create() {
        return new IdocFlatReader(SegmentDefinitions.builtIn(), false);
    }

    public IdocFlatReader withDefinitions(SegmentDefinitions segmentDefinitions) {
        return new IdocFlatReader(segmentDefinitions, strictRecordLengths);
    }

    /**
     * A reader that rejects any version-3 record that is not exactly 524 (control) or 1063 (data)
     * characters long: use it where the sender is known to pad, so a truncated record is caught
     * instead of being read as right-trimmed.
     */
    public IdocFlatReader withStrictRecordLengths() {
        return new IdocFlatReader(definitions, true);
    }

    public List<Idoc> read(Path file, Charset charset) {
        try {
            return read(Files.readString(file, charset), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public List<Idoc> read(InputStream input, Charset charset, String sourceName) {
        try {
            return read(new String(input.readAllBytes(), charset), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    /**
     * @param sourceName file name used in error messages, or {@code null}
     * @throws IdocFormatException naming the record number, segment and reason
     */
    public List<Idoc> read(String content, String sourceName) {
        String flat = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (flat.stripLeading().startsWith("<")) {
            flat = SendIdocEnvelope.unwrap(flat, sourceName);
        }
        return new Parse(flat, sourceName).run();
    }

    public List<Idoc> read(String content) {
        return read(content, null);
    }

    /** State of one read: the IDocs finished so far and the one being assembled. */
    private final class Parse {
        private final String text;
        private final String sourceName;
        private final List<Idoc> idocs = new ArrayList<>();
        private FlatTreeBuilder current;
        private int recordVersion;
        private int recordNumber;

        Parse(String text, String sourceName) {
            this.text = text;
            this.sourceName = sourceName;
        }

        List<Idoc> run() {
            int position = 0;
            int length = text.length();
            while (position < length) {
                int end = position;
                while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                recordNumber++;
                String record = text.substring(position, end);
                if (!record.isBlank()) {
                    readRecord(record);
                }
                position = end < length && text.charAt(end) == '\r' && end + 1 < length
                        && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            }
            finishCurrent();
            if (idocs.isEmpty()) {
                throw IdocFormatException.general(sourceName, "no IDoc found: the file has no control record", null);
            }
            return idocs;
        }

        private void readRecord(String record) {
            if (record.startsWith("EDI_DC40")) {
                startIdoc(record, 3);
            } else if (record.startsWith("EDI_DC") && (record.length() == 6 || record.charAt(6) == ' ')) {
                startIdoc(record, 2);
            } else if (record.startsWith("EDI_")) {
                String type = record.substring(0, Math.min(record.length(), 10)).strip();
                throw error(null, "unknown record type '" + type
                        + "': expected a control record (EDI_DC40, EDI_DC) or a data record");
            } else if (current == null) {
                throw error(null, "expected a control record (EDI_DC40 or EDI_DC) before the first data record, found '"
                        + record.substring(0, Math.min(record.length(), 30)).strip() + "'");
            } else if (recordVersion == 3) {
                readDataRecordV3(record);
            } else {
                readDataRecordV2(record);
            }
        }

        private void startIdoc(String record, int version) {
            finishCurrent();
            recordVersion = version;
            String layoutName = version == 3 ? "EDI_DC40" : "EDI_DC";
            SegmentDefinition layout = definitions.record(layoutName)
                    .orElseThrow(() -> error(layoutName, "no " + layoutName + " layout in the segment definitions"));
            if (record.length() > layout.width()) {
                throw error(layoutName, "control record is " + record.length() + " characters, at most "
                        + layout.width() + " expected");
            }
            if (strictRecordLengths && version == 3 && record.length() != layout.width()) {
                throw error(layoutName, "control record is " + record.length() + " characters, expected "
                        + layout.width());
            }
            current = new FlatTreeBuilder(ControlRecordCodec.decode(record, layout), sourceName);
        }

        private void readDataRecordV3(String record) {
            String segmentName = FixedWidth.field(record, IdocFlatLayout.V3_SEGNAM, 30);
            checkDataRecordLength(record, IdocFlatLayout.V3_HEADER_LENGTH, segmentName);
            if (strictRecordLengths && record.length() != IdocFlatLayout.V3_DATA_RECORD_LENGTH) {
                throw error(segmentName, "data record is " + record.length() + " characters, expected "
                        + IdocFlatLayout.V3_DATA_RECORD_LENGTH);
            }
            addSegment(record, segmentName, IdocFlatLayout.V3_SEGNUM, IdocFlatLayout.V3_PSGNUM,
                    IdocFlatLayout.V3_HLEVEL, IdocFlatLayout.V3_HEADER_LENGTH);
        }

        private void readDataRecordV2(String record) {
            String segmentName = FixedWidth.field(record, IdocFlatLayout.V2_SEGNAM, 10);
            if (segmentName.isEmpty()) {
                segmentName = FixedWidth.field(record, IdocFlatLayout.V2_TABNAM, 10);
            }
            checkDataRecordLength(record, IdocFlatLayout.V2_HEADER_LENGTH, segmentName);
            addSegment(record, segmentName, IdocFlatLayout.V2_SEGNUM, IdocFlatLayout.V2_PSGNUM,
                    IdocFlatLayout.V2_HLEVEL, IdocFlatLayout.V2_HEADER_LENGTH);
        }

        private void checkDataRecordLength(String record, int headerLength, String segmentName) {
            if (segmentName.isEmpty()) {
                throw error(null, "data record has no segment name");
            }
            if (record.length() < headerLength) {
                throw error(segmentName, "data record is " + record.length()
                        + " characters, shorter than its " + headerLength + "-character header");
            }
            int maximum = headerLength + IdocFlatLayout.SDATA_LENGTH;
            if (record.length() > maximum) {
                throw error(segmentName, "data record is " + record.length() + " characters, at most "
                        + maximum + " expected");
            }
        }

        private void addSegment(String record, String segmentName, int segnumAt, int psgnumAt, int hlevelAt,
                                int headerLength) {
            int segnum = number(record, segnumAt, 6, segmentName, "SEGNUM");
            int psgnum = number(record, psgnumAt, 6, segmentName, "PSGNUM");
            int hlevel = number(record, hlevelAt, 2, segmentName, "HLEVEL");
            String type = definitions.segmentTypeFor(segmentName);
            Segment.Builder segment = SegmentDataCodec.decode(type, segmentName, record.substring(headerLength),
                    definitions.segment(type).orElse(null));
            current.add(segment, segnum, psgnum, hlevel, recordNumber);
        }

        private int number(String record, int offset, int length, String segmentName, String field) {
            String value = FixedWidth.field(record, offset, length).strip();
            if (value.isEmpty()) {
                return 0;
            }
            for (int i = 0; i < value.length(); i++) {
                if (!Character.isDigit(value.charAt(i))) {
                    throw IdocFormatException.atRecord(sourceName, recordNumber, segmentName, field,
                            "'" + value + "' is not a number; not a data record of record-type version "
                                    + recordVersion);
                }
            }
            return Integer.parseInt(value);
        }

        private void finishCurrent() {
            if (current != null) {
                idocs.add(current.build());
                current = null;
            }
        }

        private IdocFormatException error(String segment, String reason) {
            return IdocFormatException.atRecord(sourceName, recordNumber, segment, null, reason);
        }
    }
}
