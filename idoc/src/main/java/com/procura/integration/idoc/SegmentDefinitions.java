package com.procura.integration.idoc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Segment layouts, control-record layouts and basic-type structures, loaded from definition files
 * (see {@code definitions/*.def} next to this class). Immutable; {@link #with(Reader, String)} adds
 * customer definitions (Z1 segments, appended Z fields) on top of the built-in ones.
 */
public final class SegmentDefinitions {

    private static final String RESOURCE_DIR = "definitions/";
    private static final SegmentDefinitions BUILT_IN = loadBuiltIn();

    private final Map<String, SegmentDefinition> segments;
    private final Map<String, SegmentDefinition> records;
    private final Map<String, BasicTypeDefinition> basicTypes;

    private SegmentDefinitions(Map<String, SegmentDefinition> segments, Map<String, SegmentDefinition> records,
                               Map<String, BasicTypeDefinition> basicTypes) {
        this.segments = segments;
        this.records = records;
        this.basicTypes = basicTypes;
    }

    /** The definitions shipped with this library: EDI_DC40/EDI_DC, ORDERS05, ORDERS01, SYSTAT01, DELVRY03. */
    public static SegmentDefinitions builtIn() {
        return BUILT_IN;
    }

    public static SegmentDefinitions empty() {
        return new SegmentDefinitions(Map.of(), Map.of(), Map.of());
    }

    /**
     * These definitions plus the ones in {@code definitionFile}; a segment defined again replaces
     * the earlier layout (use this to add customer Z fields to a standard segment).
     *
     * @throws IllegalArgumentException naming the file and line when the file is malformed
     */
    public SegmentDefinitions with(Reader definitionFile, String sourceName) {
        Map<String, SegmentDefinition> newSegments = new LinkedHashMap<>(segments);
        Map<String, SegmentDefinition> newRecords = new LinkedHashMap<>(records);
        Map<String, BasicTypeDefinition> newBasicTypes = new LinkedHashMap<>(basicTypes);
        new DefinitionFileParser(sourceName, newSegments, newRecords, newBasicTypes).parse(definitionFile);
        return new SegmentDefinitions(Map.copyOf(newSegments), Map.copyOf(newRecords), Map.copyOf(newBasicTypes));
    }

    public Optional<SegmentDefinition> segment(String segmentType) {
        return Optional.ofNullable(segments.get(segmentType));
    }

    /** A control-record layout: {@code EDI_DC40} (record-type version 3) or {@code EDI_DC} (version 2). */
    public Optional<SegmentDefinition> record(String recordName) {
        return Optional.ofNullable(records.get(recordName));
    }

    public Optional<BasicTypeDefinition> basicType(String name) {
        return Optional.ofNullable(basicTypes.get(name));
    }

    /**
     * The segment type for a SEGNAM as found in flat files, which may be a type ({@code E1EDK01})
     * or a definition name with version suffix ({@code E2EDK01005 -> E1EDK01},
     * {@code E2EDKA1002 -> E1EDKA1}, {@code E2EDK03 -> E1EDK03}, {@code Z2ABC000 -> Z1ABC}).
     */
    public String segmentTypeFor(String segmentName) {
        String asType = definitionToTypePrefix(segmentName);
        if (segments.containsKey(asType)) {
            return asType;
        }
        if (hasVersionSuffix(asType)) {
            String withoutVersion = asType.substring(0, asType.length() - 3);
            if (segments.containsKey(withoutVersion) || isDefinitionName(segmentName)) {
                return withoutVersion;
            }
        }
        return asType;
    }

    // Definition names replace the '1' of the type prefix by '2' (E1 -> E2, Z1 -> Z2, /XYZ/E1 -> /XYZ/E2).
    private static String definitionToTypePrefix(String name) {
        int prefixEnd = name.startsWith("/") ? name.indexOf('/', 1) + 1 : 0;
        if (prefixEnd >= 0 && name.length() > prefixEnd + 1 && name.charAt(prefixEnd + 1) == '2') {
            return name.substring(0, prefixEnd + 1) + '1' + name.substring(prefixEnd + 2);
        }
        return name;
    }

    private static boolean isDefinitionName(String name) {
        return !definitionToTypePrefix(name).equals(name);
    }

    private static boolean hasVersionSuffix(String name) {
        int length = name.length();
        return length > 5
                && Character.isDigit(name.charAt(length - 1))
                && Character.isDigit(name.charAt(length - 2))
                && Character.isDigit(name.charAt(length - 3));
    }

    private static SegmentDefinitions loadBuiltIn() {
        SegmentDefinitions definitions = empty();
        for (String file : readIndex()) {
            try (Reader reader = resourceReader(RESOURCE_DIR + file)) {
                definitions = definitions.with(reader, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in definition file " + file, e);
            }
        }
        return definitions;
    }

    private static Iterable<String> readIndex() {
        try (BufferedReader index = new BufferedReader(resourceReader(RESOURCE_DIR + "index.list"))) {
            return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read definitions/index.list", e);
        }
    }

    private static Reader resourceReader(String path) {
        InputStream stream = SegmentDefinitions.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("built-in definition resource missing: " + path);
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
