package com.procura.integration.sap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partner profile: one SAP system that sends us IDocs, and how we answer it (file port or
 * XML-HTTP port, XML or flat). {@code fieldMapping} maps customer fields (Z1 segments, Z-fields)
 * to labelled order fields, one {@code SEGMENT-FIELD=Label} per line.
 */
public record SapPartner(long id, String name, String logicalSystem, boolean isDefault, PortType portType,
        FileFormat fileFormat, String outboundUrl, String outboundUser, String outboundPassword, String ourPartner,
        String ourPort, int maxAttempts, String currency, String fieldMapping) {

    public enum PortType { FILE, HTTP }

    public enum FileFormat { XML, FLAT }

    /** {@code Z1ZORDER-ZPROJECT=Project} lines as an ordered map from SEGMENT-FIELD to label. */
    public Map<String, String> fieldLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        if (fieldMapping != null) {
            for (String line : fieldMapping.split("\\R")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    labels.put(line.substring(0, equals).trim().toUpperCase(java.util.Locale.ROOT),
                            line.substring(equals + 1).trim());
                }
            }
        }
        return labels;
    }

    @Override
    public String toString() {
        return "SapPartner[" + name + ", " + logicalSystem + ", " + portType + "]";
    }
}
