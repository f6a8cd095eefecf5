package com.procura.integration.idoc;

/**
 * An IDoc could not be read or written. The message says where (source, record or line number,
 * segment, field) and why, e.g. {@code "orders.idoc record 7 (E1EDP01): data record is 880
 * characters, expected 1063"}.
 */
public final class IdocFormatException extends RuntimeException {

    private final String sourceName;
    private final int lineNumber;
    private final String segment;
    private final String field;
    private final String reason;

    private IdocFormatException(String message, String sourceName, int lineNumber, String segment,
                                String field, String reason, Throwable cause) {
        super(message, cause);
        this.sourceName = sourceName;
        this.lineNumber = lineNumber;
        this.segment = segment;
        this.field = field;
        this.reason = reason;
    }

    /** A problem in record (line) {@code recordNumber} of a flat file. */
    static IdocFormatException atRecord(String sourceName, int recordNumber, String segment, String field,
                                        String reason) {
        return located(sourceName, "record " + recordNumber, recordNumber, segment, field, reason, null);
    }

    /** A problem at a line of an XML document. */
    static IdocFormatException atLine(String sourceName, int line, String segment, String field, String reason) {
        return located(sourceName, "line " + line, line, segment, field, reason, null);
    }

    static IdocFormatException notWellFormed(String sourceName, int line, int column, String detail,
                                             Throwable cause) {
        String reason = "XML not well-formed at line " + line + " column " + column + ": " + detail;
        String message = sourceName == null ? reason : sourceName + ": " + reason;
        return new IdocFormatException(message, sourceName, line, null, null, reason, cause);
    }

    /** A problem with a model object being written, which has no position in a file yet. */
    static IdocFormatException inSegment(String segment, String field, String reason) {
        StringBuilder where = new StringBuilder("segment ").append(segment);
        if (field != null) {
            where.append(" field ").append(field);
        }
        return new IdocFormatException(where + ": " + reason, null, 0, segment, field, reason, null);
    }

    static IdocFormatException general(String sourceName, String reason, Throwable cause) {
        String message = sourceName == null ? reason : sourceName + ": " + reason;
        return new IdocFormatException(message, sourceName, 0, null, null, reason, cause);
    }

    private static IdocFormatException located(String sourceName, String position, int number, String segment,
                                               String field, String reason, Throwable cause) {
        StringBuilder message = new StringBuilder();
        if (sourceName != null) {
            message.append(sourceName).append(' ');
        }
        message.append(position);
        if (segment != null) {
            message.append(" (").append(segment).append(')');
        }
        if (field != null) {
            message.append(" field ").append(field);
        }
        message.append(": ").append(reason);
        return new IdocFormatException(message.toString(), sourceName, number, segment, field, reason, cause);
    }

    /** File or document name given to the reader, or {@code null}. */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based record number (flat) or line number (XML); 0 when unknown. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Segment type or definition name involved, or {@code null}. */
    public String segment() {
        return segment;
    }

    /** Field involved, or {@code null}. */
    public String field() {
        return field;
    }

    /** The reason without the location prefix. */
    public String reason() {
        return reason;
    }
}
