package com.procura.security;

import java.io.Serializable;

/** Who is logged in: kept in the session, so it holds ids, never the password hash. */
public record AccountPrincipal(long id, String username, String displayName, Role role, Long companyId)
        implements Serializable {

    public boolean isSupplier() {
        return role == Role.SUPPLIER;
    }

    @Override
    public String toString() {
        return username;
    }
}
