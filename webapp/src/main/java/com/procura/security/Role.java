package com.procura.security;

import java.util.Set;

/** The four roles and what each may do; permissions are Shiro wildcard strings. */
public enum Role {
    ADMIN(Set.of("*")),
    BUYER(Set.of("dashboard:view", "orders:read", "orders:write", "suppliers:read")),
    SUPPLIER(Set.of("dashboard:view", "orders:read", "orders:confirm")),
    SUPPORT(Set.of("dashboard:view", "orders:read", "suppliers:read")),
    /** SAP's technical user: posts IDocs to the XML-HTTP port, sees no page. */
    SAP(Set.of("sap:post"));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
