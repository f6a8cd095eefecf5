package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/** The root role: names every role's keys and thresholds; rotated by signing a new version with old and new keys. */
public record RootMetadata(@JsonProperty("_type") String type, long version, String expires,
                           Map<String, PublicKeyEntry> keys, Map<String, RoleKeys> roles) implements RoleMetadata {

    public static final String TYPE = "root";

    public RootMetadata {
        keys = new TreeMap<>(keys);
        roles = new TreeMap<>(roles);
    }

    public RoleKeys role(Role role, String where) {
        RoleKeys keysOfRole = roles.get(role.id());
        if (keysOfRole == null) {
            throw new VerificationException(where + ": root version " + version + " names no keys for role " + role.id());
        }
        return keysOfRole;
    }
}
