package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/** The targets of one channel: bundle file name to its length, hash and release manifest. */
public record TargetsMetadata(@JsonProperty("_type") String type, long version, String expires, String channel,
                              Map<String, TargetFile> targets) implements RoleMetadata {

    public static final String TYPE = "targets";

    public TargetsMetadata {
        targets = new TreeMap<>(targets);
    }
}
