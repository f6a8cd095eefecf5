package com.procura.integration.idoc;

/**
 * Where a segment type may appear in a basic type: under which parent (null for top level) and how
 * often per parent.
 */
public record StructureNode(String segmentType, String parentType, int minOccurs, int maxOccurs) {

    public boolean isTopLevel() {
        return parentType == null;
    }
}
