package com.procura.integration.idoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assembles the segment tree of one flat IDoc from SEGNUM, PSGNUM and HLEVEL. */
final class FlatTreeBuilder {

    private static final class Node {
        final Segment.Builder builder;
        final List<Node> children = new ArrayList<>();

        Node(Segment.Builder builder) {
            this.builder = builder;
        }

        Segment build() {
            for (Node child : children) {
                builder.child(child.build());
            }
            return builder.build();
        }
    }

    private final ControlRecord control;
    private final String sourceName;
    private final List<Node> topLevel = new ArrayList<>();
    private final Map<Integer, Node> bySegmentNumber = new HashMap<>();
    private final Node[] lastAtLevel = new Node[100];

    FlatTreeBuilder(ControlRecord control, String sourceName) {
        this.control = control;
        this.sourceName = sourceName;
    }

    /**
     * PSGNUM names the parent when filled. Senders that leave it 0 (the Microsoft version-2 sample)
     * still give HLEVEL, so a segment on level n &gt; 2 goes under the last segment on level n-1;
     * levels 1 and 2 are top level (SAP writes 01 or 02 for them).
     */
    void add(Segment.Builder segment, int segmentNumber, int parentNumber, int level, int recordNumber) {
        Node node = new Node(segment);
        Node parent = null;
        if (parentNumber > 0) {
            parent = bySegmentNumber.get(parentNumber);
            if (parent == null) {
                throw IdocFormatException.atRecord(sourceName, recordNumber, segment.build().type(), "PSGNUM",
                        "parent segment number " + parentNumber + " does not belong to an earlier segment");
            }
        } else if (level > 2) {
            parent = lastAtLevel[level - 1];
        }
        (parent == null ? topLevel : parent.children).add(node);
        if (segmentNumber > 0 && bySegmentNumber.put(segmentNumber, node) != null) {
            throw IdocFormatException.atRecord(sourceName, recordNumber, segment.build().type(), "SEGNUM",
                    "segment number " + segmentNumber + " is used twice in IDoc " + control.docnum());
        }
        lastAtLevel[level] = node;
        for (int deeper = level + 1; deeper < lastAtLevel.length; deeper++) {
            lastAtLevel[deeper] = null;
        }
    }

    Idoc build() {
        List<Segment> segments = new ArrayList<>(topLevel.size());
        for (Node node : topLevel) {
            segments.add(node.build());
        }
        return new Idoc(control, segments);
    }
}
