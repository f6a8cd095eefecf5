package com.procura.integration.idoc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One IDoc data segment: its type (E1EDK01, Z1..., ...), its fields as an ordered name-to-value map,
 * and its child segments.
 *
 * <p>A segment read from a flat file without a {@link SegmentDefinition} has no named fields; its
 * segment data is kept in {@link #unparsedData()} and written back unchanged. Data beyond the last
 * defined field (a newer segment version, a customer append) is kept there too.
 */
public final class Segment {

    private final String type;
    private final String definitionName;
    private final Map<String, String> fields;
    private final String unparsedData;
    private final List<Segment> children;

    private Segment(Builder builder) {
        this.type = builder.type;
        this.definitionName = builder.definitionName;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.unparsedData = builder.unparsedData;
        this.children = List.copyOf(builder.children);
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(type).definitionName(definitionName).unparsedData(unparsedData);
        builder.fields.putAll(fields);
        builder.children.addAll(children);
        return builder;
    }

    /** Segment type, e.g. {@code E1EDP01}. */
    public String type() {
        return type;
    }

    /**
     * Segment definition name as found in a flat file (e.g. {@code E2EDP01003}), written back by the
     * flat writer; empty when the segment came from IDoc-XML or was built without one.
     */
    public Optional<String> definitionName() {
        return Optional.ofNullable(definitionName);
    }

    /** Value of a field, or the empty string when absent. */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Flat segment data not mapped to named fields (right-trimmed); empty when everything was mapped. */
    public String unparsedData() {
        return unparsedData;
    }

    public List<Segment> children() {
        return children;
    }

    /** Direct children of the given type. */
    public List<Segment> children(String childType) {
        List<Segment> matching = new ArrayList<>();
        for (Segment child : children) {
            if (child.type.equals(childType)) {
                matching.add(child);
            }
        }
        return matching;
    }

    public Optional<Segment> firstChild(String childType) {
        for (Segment child : children) {
            if (child.type.equals(childType)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Customer segments are named Z1... (or Y1...) and have no SAP definition. */
    public boolean isCustomerSegment() {
        return type.startsWith("Z") || type.startsWith("Y");
    }

    void forEachDepthFirst(Consumer<Segment> action) {
        action.accept(this);
        for (Segment child : children) {
            child.forEachDepthFirst(action);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segment that
                && type.equals(that.type)
                && Objects.equals(definitionName, that.definitionName)
                && fields.equals(that.fields)
                && unparsedData.equals(that.unparsedData)
                && children.equals(that.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, definitionName, fields, unparsedData, children);
    }

    @Override
    public String toString() {
        return type + fields + (unparsedData.isEmpty() ? "" : "+raw(" + unparsedData.length() + ")")
                + (children.isEmpty() ? "" : children);
    }

    public static final class Builder {
        private final String type;
        private String definitionName;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String unparsedData = "";
        private final List<Segment> children = new ArrayList<>();

        private Builder(String type) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("segment type must not be blank");
            }
            this.type = type;
        }

        public Builder field(String name, String value) {
            fields.put(Objects.requireNonNull(name, "field name"), Objects.requireNonNull(value, name));
            return this;
        }

        public Builder definitionName(String name) {
            this.definitionName = name == null || name.isEmpty() || name.equals(type) ? null : name;
            return this;
        }

        public Builder unparsedData(String data) {
            this.unparsedData = Objects.requireNonNull(data, "unparsed data");
            return this;
        }

        public Builder child(Segment child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        public Segment build() {
            return new Segment(this);
        }
    }
}
