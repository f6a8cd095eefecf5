package com.procura.upgrade.repo;

/** What every signed role document carries: its type, a version that only grows, and an expiry. */
public interface RoleMetadata {

    String type();

    long version();

    /** ISO-8601 instant. */
    String expires();
}
