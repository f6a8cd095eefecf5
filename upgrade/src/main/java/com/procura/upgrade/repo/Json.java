package com.procura.upgrade.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The one JSON configuration of the module, and the canonical form that signatures cover. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private Json() {
    }

    /** Canonical JSON: object keys sorted, no insignificant whitespace, UTF-8. */
    public static byte[] canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeCanonical(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] canonical(Object value) {
        return canonical(MAPPER.valueToTree(value));
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = object.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(scalar(MAPPER.getNodeFactory().textNode(names.get(i)))).append(':');
                writeCanonical(object.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCanonical(array.get(i), out);
            }
            out.append(']');
        } else {
            out.append(scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON value " + node, e);
        }
    }

    public static <T> T read(byte[] bytes, Class<T> type, String where) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new VerificationException(where + ": not valid JSON for " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    public static JsonNode tree(byte[] bytes, String where) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new VerificationException(where + ": not valid JSON: " + e.getMessage());
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type, String where) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new VerificationException(where + ": unexpected content for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
