package com.procura.upgrade.repo;

/** The signing roles after The Update Framework. */
public enum Role {
    ROOT("root"), TARGETS("targets"), SNAPSHOT("snapshot"), TIMESTAMP("timestamp");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Role byId(String id) {
        for (Role role : values()) {
            if (role.id.equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "'; expected root, targets, snapshot or timestamp");
    }
}
