package com.procura.platform.config;

public enum Mode {
    /** Embedded H2, demo data, demo accounts with printed passwords. */
    DEMO,
    /** No default passwords; the first admin comes from a one-time setup token. */
    PRODUCTION
}
