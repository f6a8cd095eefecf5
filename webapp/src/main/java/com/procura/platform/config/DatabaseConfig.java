package com.procura.platform.config;

/** JDBC settings; the password is never printed by {@link #toString()}. */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
