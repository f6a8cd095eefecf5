package com.procura.integration.idoc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the line-based definition format:
 * <pre>
 * # comment
 * segment E1EDK01          (or: record EDI_DC40)
 * field ACTION 3
 * field DOCNUM 16 mandatory
 * basic-type ORDERS05
 * node E1EDP20 E1EDP01 0 9999     (segment, parent or -, min, max)
 * </pre>
 */
final class DefinitionFileParser {

    private final String sourceName;
    private final Map<String, SegmentDefinition> segments;
    private final Map<String, SegmentDefinition> records;
    private final Map<String, BasicTypeDefinition> basicTypes;

    private String openKind;
    private String openName;
    private final List<FieldDefinition> openFields = new ArrayList<>();
    private final List<StructureNode> openNodes = new ArrayList<>();
    private int openOffset;

    DefinitionFileParser(String sourceName, Map<String, SegmentDefinition> segments,
                         Map<String, SegmentDefinition> records, Map<String, BasicTypeDefinition> basicTypes) {
        this.sourceName = sourceName;
        this.segments = segments;
        this.records = records;
        this.basicTypes = basicTypes;
    }

    void parse(Reader reader) {
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            int lineNumber = 0;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    parseLine(content.split("\\s+"), lineNumber);
                }
            }
            closeOpenBlock(lineNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read definition file " + sourceName, e);
        }
    }

    private void parseLine(String[] words, int lineNumber) {
        switch (words[0]) {
            case "segment", "record", "basic-type" -> {
                expectWords(words, 2, lineNumber, words[0] + " NAME");
                closeOpenBlock(lineNumber);
                openKind = words[0];
                openName = words[1];
                openOffset = 0;
            }
            case "field" -> addField(words, lineNumber);
            case "node" -> addNode(words, lineNumber);
            default -> throw error(lineNumber, "unknown keyword '" + words[0]
                    + "', expected segment, record, field, basic-type or node");
        }
    }

    private void addField(String[] words, int lineNumber) {
        if (!"segment".equals(openKind) && !"record".equals(openKind)) {
            throw error(lineNumber, "field outside a segment or record block");
        }
        if (words.length != 3 && !(words.length == 4 && words[3].equals("mandatory"))) {
            throw error(lineNumber, "expected 'field NAME LENGTH [mandatory]'");
        }
        int length = positiveNumber(words[2], lineNumber, "field length");
        for (FieldDefinition existing : openFields) {
            if (existing.name().equals(words[1])) {
                throw error(lineNumber, "field " + words[1] + " is defined twice in " + openName);
            }
        }
        openFields.add(new FieldDefinition(words[1], length, openOffset, words.length == 4));
        openOffset += length;
    }

    private void addNode(String[] words, int lineNumber) {
        if (!"basic-type".equals(openKind)) {
            throw error(lineNumber, "node outside a basic-type block");
        }
        expectWords(words, 5, lineNumber, "node SEGMENT PARENT|- MIN MAX");
        String parent = words[2].equals("-") ? null : words[2];
        int min = number(words[3], lineNumber, "min occurrence");
        int max = positiveNumber(words[4], lineNumber, "max occurrence");
        if (min > max) {
            throw error(lineNumber, "min occurrence " + min + " is greater than max " + max);
        }
        openNodes.add(new StructureNode(words[1], parent, min, max));
    }

    private void closeOpenBlock(int lineNumber) {
        if (openKind == null) {
            return;
        }
        switch (openKind) {
            case "segment" -> {
                if (openOffset > IdocFlatLayout.SDATA_LENGTH) {
                    throw error(lineNumber, "segment " + openName + " is " + openOffset
                            + " characters wide, more than the " + IdocFlatLayout.SDATA_LENGTH + " of SDATA");
                }
                segments.put(openName, new SegmentDefinition(openName, openFields));
            }
            case "record" -> records.put(openName, new SegmentDefinition(openName, openFields));
            default -> basicTypes.put(openName, new BasicTypeDefinition(openName, openNodes));
        }
        openKind = null;
        openFields.clear();
        openNodes.clear();
    }

    private void expectWords(String[] words, int count, int lineNumber, String form) {
        if (words.length != count) {
            throw error(lineNumber, "expected '" + form + "'");
        }
    }

    private int positiveNumber(String word, int lineNumber, String what) {
        int value = number(word, lineNumber, what);
        if (value <= 0) {
            throw error(lineNumber, what + " must be positive, was " + value);
        }
        return value;
    }

    private int number(String word, int lineNumber, String what) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw error(lineNumber, what + " '" + word + "' is not a number");
        }
    }

    private IllegalArgumentException error(int lineNumber, String reason) {
        return new IllegalArgumentException(sourceName + " line " + lineNumber + ": " + reason);
    }
}
