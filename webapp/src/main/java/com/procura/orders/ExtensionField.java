package com.procura.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A customer field that came with the order (e.g. from a Z1 segment of the IDoc), kept as it came. */
@Embeddable
public class ExtensionField {
    /** The segment name under which fields labelled by a partner's field mapping are kept. */
    public static final String MAPPED = "MAPPED";

    @Column(nullable = false)
    private String segment;

    @Column(nullable = false)
    private String field;

    @Column(name = "field_value", nullable = false)
    private String value;

    protected ExtensionField() {
    }

    public ExtensionField(String segment, String field, String value) {
        this.segment = segment;
        this.field = field;
        this.value = value;
    }

    public String getSegment() { return segment; }
    public String getField() { return field; }
    public String getValue() { return value; }

    public boolean isMapped() {
        return MAPPED.equals(segment);
    }
}
