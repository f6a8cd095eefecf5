package com.procura.integration.idoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The segment tree of a basic type such as ORDERS05: which segments, under which parent, how often. */
public final class BasicTypeDefinition {

    private final String name;
    private final Map<String, StructureNode> nodes = new LinkedHashMap<>();

    BasicTypeDefinition(String name, List<StructureNode> nodes) {
        this.name = name;
        for (StructureNode node : nodes) {
            this.nodes.put(node.segmentType(), node);
        }
    }

    public String name() {
        return name;
    }

    public List<StructureNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public Optional<StructureNode> node(String segmentType) {
        return Optional.ofNullable(nodes.get(segmentType));
    }

    /** Structure nodes whose parent is the given type ({@code null} for the top level). */
    public List<StructureNode> childrenOf(String parentType) {
        return nodes.values().stream()
                .filter(node -> parentType == null ? node.isTopLevel() : parentType.equals(node.parentType()))
                .toList();
    }
}
