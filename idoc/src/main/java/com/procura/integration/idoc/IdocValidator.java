package com.procura.integration.idoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an {@link Idoc} against the control-record rules and the segment definitions before it is
 * sent or after it is built: empty mandatory fields, values longer than their field, segments in
 * the wrong place or too often for the basic type. Reports problems instead of throwing, so a caller
 * can show all of them at once. Customer segments (Z1...) and segments without a definition are
 * accepted as they are.
 */
public final class IdocValidator {

    private static final List<String> DEFAULT_CONTROL_FIELDS = List.of(
            "IDOCTYP", "MESTYP", "DIRECT", "SNDPOR", "SNDPRT", "SNDPRN", "RCVPOR", "RCVPRT", "RCVPRN");

    private final SegmentDefinitions definitions;
    private final Set<String> requiredControlFields;

    private IdocValidator(SegmentDefinitions definitions, Set<String> requiredControlFields) {
        this.definitions = definitions;
        this.requiredControlFields = requiredControlFields;
    }

    /** Built-in definitions; control fields IDOCTYP, MESTYP, DIRECT and sender/receiver port, type, number required. */
    public static IdocValidator create() {
        return new IdocValidator(SegmentDefinitions.builtIn(), new LinkedHashSet<>(DEFAULT_CONTROL_FIELDS));
    }

    public IdocValidator withDefinitions(SegmentDefinitions segmentDefinitions) {
        return new IdocValidator(segmentDefinitions, requiredControlFields);
    }

    /** Also require these control-record fields, e.g. DOCNUM for an IDoc that SAP sent and expects back. */
    public IdocValidator requireControlFields(String... names) {
        Set<String> required = new LinkedHashSet<>(requiredControlFields);
        required.addAll(List.of(names));
        return new IdocValidator(definitions, required);
    }

    public List<ValidationProblem> validate(Idoc idoc) {
        List<ValidationProblem> problems = new ArrayList<>();
        checkControlRecord(idoc.control(), problems);
        BasicTypeDefinition basicType = definitions.basicType(idoc.idocType()).orElse(null);
        checkLevel(idoc.segments(), null, "", basicType, problems);
        return problems;
    }

    private void checkControlRecord(ControlRecord control, List<ValidationProblem> problems) {
        for (String name : requiredControlFields) {
            if (control.get(name).isBlank()) {
                problems.add(error("EDI_DC40", "EDI_DC40", name, "mandatory field is empty"));
            }
        }
        definitions.record("EDI_DC40").ifPresent(layout -> {
            for (Map.Entry<String, String> entry : control.fields().entrySet()) {
                layout.field(entry.getKey()).ifPresentOrElse(
                        field -> checkLength(field, entry.getValue(), "EDI_DC40", "EDI_DC40", problems),
                        () -> problems.add(warning("EDI_DC40", "EDI_DC40", entry.getKey(),
                                "not an EDI_DC40 field; it cannot be written to a flat file")));
            }
        });
    }

    private void checkLevel(List<Segment> segments, String parentType, String parentPath,
                            BasicTypeDefinition basicType, List<ValidationProblem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (Segment segment : segments) {
            int index = seen.merge(segment.type(), 1, Integer::sum);
            String path = parentPath + segment.type() + "[" + index + "]";
            checkFields(segment, path, problems);
            if (basicType != null) {
                checkPlacement(segment, parentType, path, basicType, problems);
            }
            checkLevel(segment.children(), segment.type(), path + "/", basicType, problems);
        }
        if (basicType != null) {
            checkOccurrences(seen, parentType,
                    parentPath.isEmpty() ? basicType.name() : parentPath.substring(0, parentPath.length() - 1), basicType,
                    problems);
        }
    }

    private void checkFields(Segment segment, String path, List<ValidationProblem> problems) {
        SegmentDefinition definition = definitions.segment(segment.type()).orElse(null);
        if (definition == null) {
            return;
        }
        for (FieldDefinition field : definition.fields()) {
            if (field.mandatory() && segment.get(field.name()).isBlank()) {
                problems.add(error(path, segment.type(), field.name(), "mandatory field is empty"));
            }
        }
        for (Map.Entry<String, String> entry : segment.fields().entrySet()) {
            definition.field(entry.getKey()).ifPresentOrElse(
                    field -> checkLength(field, entry.getValue(), path, segment.type(), problems),
                    () -> problems.add(warning(path, segment.type(), entry.getKey(),
                            "field is not in the definition of " + segment.type()
                                    + "; add it to a definition file to write it to a flat file")));
        }
    }

    private void checkPlacement(Segment segment, String parentType, String path, BasicTypeDefinition basicType,
                                List<ValidationProblem> problems) {
        StructureNode node = basicType.node(segment.type()).orElse(null);
        if (node == null) {
            if (!segment.isCustomerSegment()) {
                problems.add(warning(path, segment.type(), null,
                        "segment is not part of basic type " + basicType.name()));
            }
            return;
        }
        boolean sameParent = node.parentType() == null ? parentType == null : node.parentType().equals(parentType);
        if (!sameParent) {
            problems.add(error(path, segment.type(), null, "segment belongs "
                    + (node.parentType() == null ? "on the top level" : "under " + node.parentType())
                    + " in " + basicType.name() + ", found " + (parentType == null ? "on the top level" : "under " + parentType)));
        }
    }

    private void checkOccurrences(Map<String, Integer> seen, String parentType, String where,
                                  BasicTypeDefinition basicType, List<ValidationProblem> problems) {
        for (StructureNode node : basicType.childrenOf(parentType)) {
            int count = seen.getOrDefault(node.segmentType(), 0);
            if (count < node.minOccurs()) {
                problems.add(error(where, node.segmentType(), null, "segment " + node.segmentType() + " occurs "
                        + count + " times, at least " + node.minOccurs() + " required"));
            } else if (count > node.maxOccurs()) {
                problems.add(error(where, node.segmentType(), null, "segment " + node.segmentType() + " occurs "
                        + count + " times, at most " + node.maxOccurs() + " allowed"));
            }
        }
    }

    private static void checkLength(FieldDefinition field, String value, String path, String segment,
                                    List<ValidationProblem> problems) {
        if (value.length() > field.length()) {
            problems.add(error(path, segment, field.name(), "value '" + value + "' is " + value.length()
                    + " characters, at most " + field.length() + " allowed"));
        }
    }

    private static ValidationProblem error(String path, String segment, String field, String message) {
        return new ValidationProblem(ValidationProblem.Severity.ERROR, path, segment, field, message);
    }

    private static ValidationProblem warning(String path, String segment, String field, String message) {
        return new ValidationProblem(ValidationProblem.Severity.WARNING, path, segment, field, message);
    }
}
