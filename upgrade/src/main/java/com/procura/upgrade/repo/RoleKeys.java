package com.procura.upgrade.repo;

import java.util.List;

/** The keys allowed to sign for one role and how many of them must sign. */
public record RoleKeys(List<String> keyids, int threshold) {

    public RoleKeys {
        keyids = List.copyOf(keyids);
        if (threshold < 1) {
            throw new IllegalArgumentException("a role threshold must be at least 1, got " + threshold);
        }
        if (threshold > keyids.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " exceeds the " + keyids.size() + " key(s) of the role");
        }
    }
}
