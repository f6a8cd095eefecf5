package com.procura.integration.idoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One IDoc: a control record and a tree of data segments. Immutable. */
public final class Idoc {

    private final ControlRecord control;
    private final List<Segment> segments;

    public Idoc(ControlRecord control, List<Segment> segments) {
        this.control = Objects.requireNonNull(control, "control record");
        this.segments = List.copyOf(segments);
    }

    public ControlRecord control() {
        return control;
    }

    /** Top-level segments in document order. */
    public List<Segment> segments() {
        return segments;
    }

    public String docnum() {
        return control.docnum();
    }

    public String idocType() {
        return control.idoctyp();
    }

    public String messageType() {
        return control.mestyp();
    }

    /** Top-level segments of a type, e.g. all {@code E1EDP01} items of an order. */
    public List<Segment> segments(String type) {
        List<Segment> matching = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.type().equals(type)) {
                matching.add(segment);
            }
        }
        return matching;
    }

    /** Every segment of a type at any depth, in document order. */
    public List<Segment> findAll(String type) {
        List<Segment> matching = new ArrayList<>();
        for (Segment segment : segments) {
            segment.forEachDepthFirst(s -> {
                if (s.type().equals(type)) {
                    matching.add(s);
                }
            });
        }
        return matching;
    }

    public Optional<Segment> first(String type) {
        List<Segment> all = findAll(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Number of data segments at all depths (what SAP counts as data records). */
    public int segmentCount() {
        int[] count = {0};
        for (Segment segment : segments) {
            segment.forEachDepthFirst(s -> count[0]++);
        }
        return count[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Idoc that && control.equals(that.control) && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, segments);
    }

    @Override
    public String toString() {
        return "Idoc[" + control.idoctyp() + "/" + control.mestyp() + " " + control.docnum() + ", "
                + segmentCount() + " segments]";
    }
}
