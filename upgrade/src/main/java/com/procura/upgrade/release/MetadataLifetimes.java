package com.procura.upgrade.release;

import com.procura.upgrade.repo.Role;
import java.time.Duration;

/** How long each role's metadata stays valid; the timestamp is short-lived so a frozen mirror shows quickly. */
public record MetadataLifetimes(Duration root, Duration targets, Duration snapshot, Duration timestamp) {

    public static final MetadataLifetimes DEFAULT =
            new MetadataLifetimes(Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(1));

    public Duration of(Role role) {
        return switch (role) {
            case ROOT -> root;
            case TARGETS -> targets;
            case SNAPSHOT -> snapshot;
            case TIMESTAMP -> timestamp;
        };
    }

    public MetadataLifetimes withTimestamp(Duration lifetime) {
        return new MetadataLifetimes(root, targets, snapshot, lifetime);
    }
}
