package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/** Short-lived pointer to the current snapshot; its expiry is what exposes a frozen or stale mirror. */
public record TimestampMetadata(@JsonProperty("_type") String type, long version, String expires,
                                Map<String, FileMeta> meta) implements RoleMetadata {

    public static final String TYPE = "timestamp";

    public TimestampMetadata {
        meta = new TreeMap<>(meta);
    }
}
