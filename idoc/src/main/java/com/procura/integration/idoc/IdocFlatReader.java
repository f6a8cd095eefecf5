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
        // The current record is text[start, end); records are not copied out of the text.
        private int start;
        private int end;

        Parse(String text, String sourceName) {
            this.text = text;
            this.sourceName = sourceName;
        }

        List<Idoc> run() {
            int length = text.length();
            int position = 0;
            int nextCarriageReturn = text.indexOf('\r');
            while (position < length) {
                start = position;
                int nextLineFeed = text.indexOf('\n', position);
                end = nextLineFeed < 0 ? length : nextLineFeed;
                if (nextCarriageReturn >= 0 && nextCarriageReturn < position) {
                    nextCarriageReturn = text.indexOf('\r', position);
                }
                if (nextCarriageReturn >= 0 && nextCarriageReturn < end) {
                    end = nextCarriageReturn;
                }
                recordNumber++;
                if (!isBlankRecord()) {
                    readRecord();
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

        private boolean isBlankRecord() {
            for (int i = start; i < end; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private int recordLength() {
            return end - start;
        }

        private boolean recordStartsWith(String prefix) {
            return text.startsWith(prefix, start) && start + prefix.length() <= end;
        }

        private String field(int offset, int length) {
            return FixedWidth.field(text, start, end, offset, length);
        }

        private void readRecord() {
            if (recordStartsWith("EDI_DC40")) {
                startIdoc(3);
            } else if (recordStartsWith("EDI_DC") && (recordLength() == 6 || text.charAt(start + 6) == ' ')) {
                startIdoc(2);
            } else if (recordStartsWith("EDI_")) {
                throw error(null, "unknown record type '" + field(0, 10).strip()
                        + "': expected a control record (EDI_DC40, EDI_DC) or a data record");
            } else if (current == null) {
                throw error(null, "expected a control record (EDI_DC40 or EDI_DC) before the first data record, found '"
                        + field(0, 30).strip() + "'");
            } else if (recordVersion == 3) {
                readDataRecordV3();
            } else {
                readDataRecordV2();
            }
        }

        private void startIdoc(int version) {
            finishCurrent();
            recordVersion = version;
            String layoutName = version == 3 ? "EDI_DC40" : "EDI_DC";
            SegmentDefinition layout = definitions.record(layoutName)
                    .orElseThrow(() -> error(layoutName, "no " + layoutName + " layout in the segment definitions"));
            if (recordLength() > layout.width()) {
                throw error(layoutName, "control record is " + recordLength() + " characters, at most "
                        + layout.width() + " expected");
            }
            if (strictRecordLengths && version == 3 && recordLength() != layout.width()) {
                throw error(layoutName, "control record is " + recordLength() + " characters, expected "
                        + layout.width());
            }
            current = new FlatTreeBuilder(ControlRecordCodec.decode(text, start, end, layout), sourceName);
        }

        private void readDataRecordV3() {
            String segmentName = field(IdocFlatLayout.V3_SEGNAM, 30);
            checkDataRecordLength(IdocFlatLayout.V3_HEADER_LENGTH, segmentName);
            if (strictRecordLengths && recordLength() != IdocFlatLayout.V3_DATA_RECORD_LENGTH) {
                throw error(segmentName, "data record is " + recordLength() + " characters, expected "
                        + IdocFlatLayout.V3_DATA_RECORD_LENGTH);
            }
            addSegment(segmentName, IdocFlatLayout.V3_SEGNUM, IdocFlatLayout.V3_PSGNUM,
                    IdocFlatLayout.V3_HLEVEL, IdocFlatLayout.V3_HEADER_LENGTH);
        }

        private void readDataRecordV2() {
            String segmentName = field(IdocFlatLayout.V2_SEGNAM, 10);
            if (segmentName.isEmpty()) {
                segmentName = field(IdocFlatLayout.V2_TABNAM, 10);
            }
            checkDataRecordLength(IdocFlatLayout.V2_HEADER_LENGTH, segmentName);
            addSegment(segmentName, IdocFlatLayout.V2_SEGNUM, IdocFlatLayout.V2_PSGNUM,
                    IdocFlatLayout.V2_HLEVEL, IdocFlatLayout.V2_HEADER_LENGTH);
        }

        private void checkDataRecordLength(int headerLength, String segmentName) {
            if (segmentName.isEmpty()) {
                throw error(null, "data record has no segment name");
            }
            if (recordLength() < headerLength) {
                throw error(segmentName, "data record is " + recordLength()
                        + " characters, shorter than its " + headerLength + "-character header");
            }
            int maximum = headerLength + IdocFlatLayout.SDATA_LENGTH;
            if (recordLength() > maximum) {
                throw error(segmentName, "data record is " + recordLength() + " characters, at most "
                        + maximum + " expected");
            }
        }

        private void addSegment(String segmentName, int segnumAt, int psgnumAt, int hlevelAt, int headerLength) {
            int segnum = number(segnumAt, 6, segmentName, "SEGNUM");
            int psgnum = number(psgnumAt, 6, segmentName, "PSGNUM");
            int hlevel = number(hlevelAt, 2, segmentName, "HLEVEL");
            String type = definitions.segmentTypeFor(segmentName);
            Segment.Builder segment = SegmentDataCodec.decode(type, segmentName, text, start + headerLength, end,
                    definitions.segment(type).orElse(null));
            current.add(segment, segnum, psgnum, hlevel, recordNumber);
        }

        /** A right- or left-aligned number (version 2 writes '1     '); blank counts as 0. */
        private int number(int offset, int length, String segmentName, String field) {
            int value = 0;
            int from = start + offset;
            int to = Math.min(end, from + length);
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                } else if (c != ' ') {
                    throw IdocFormatException.atRecord(sourceName, recordNumber, segmentName, field,
                            "'" + field(offset, length).strip() + "' is not a number; not a data record of"
                                    + " record-type version " + recordVersion);
                }
            }
            return value;
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
