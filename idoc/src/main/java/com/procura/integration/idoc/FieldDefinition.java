package com.procura.integration.idoc;

/** One field of a segment or record layout: SAP name, length in characters, offset in the data. */
public record FieldDefinition(String name, int length, int offset, boolean mandatory) {

    public int end() {
        return offset + length;
    }
}
