package com.procura.integration.idoc;

/** Fixed-width text helpers; records may be right-trimmed, so reads past the end give blanks. */
final class FixedWidth {

    private FixedWidth() {
    }

    /**
     * The field at offset/length of the record text[recordStart, recordEnd), trailing blanks removed;
     * "" when the record ends before it. Works in place, so blank fields cost no allocation.
     */
    static String field(String text, int recordStart, int recordEnd, int offset, int length) {
        int start = recordStart + offset;
        if (start >= recordEnd) {
            return "";
        }
        int end = Math.min(recordEnd, start + length);
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end == start ? "" : text.substring(start, end);
    }

    static void appendPadded(StringBuilder out, String value, int length) {
        out.append(value);
        for (int i = value.length(); i < length; i++) {
            out.append(' ');
        }
    }

    static void appendZeroPadded(StringBuilder out, int value, int length) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < length; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
