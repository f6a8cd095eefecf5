package com.procura.integration.idoc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed-width layout of a segment's data (or of a control record): field names and lengths in
 * order. Loaded from definition files, see {@link SegmentDefinitions}.
 */
public final class SegmentDefinition {

    private final String name;
    private final List<FieldDefinition> fields;
    private final Map<String, FieldDefinition> byName;
    private final int width;

    SegmentDefinition(String name, List<FieldDefinition> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.byName = new HashMap<>();
        int end = 0;
        for (FieldDefinition field : fields) {
            byName.put(field.name(), field);
            end = field.end();
        }
        this.width = end;
    }

    /** Segment type (E1EDK01) or record name (EDI_DC40). */
    public String name() {
        return name;
    }

    public List<FieldDefinition> fields() {
        return fields;
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return Optional.ofNullable(byName.get(fieldName));
    }

    /** Sum of all field lengths. */
    public int width() {
        return width;
    }
}
