package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/** The versions and hashes of every channel's targets file, so channels cannot be mixed from different times. */
public record SnapshotMetadata(@JsonProperty("_type") String type, long version, String expires,
                               Map<String, FileMeta> meta) implements RoleMetadata {

    public static final String TYPE = "snapshot";

    public SnapshotMetadata {
        meta = new TreeMap<>(meta);
    }
}
