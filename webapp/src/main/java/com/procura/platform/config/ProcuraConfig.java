package com.procura.platform.config;

import java.nio.file.Path;

/** The whole configuration, split into the typed slices that each component receives. */
public record ProcuraConfig(
        Mode mode,
        Path dataDir,
        Path logDir,
        ServerConfig server,
        TlsConfig tls,
        DatabaseConfig database,
        int sessionTimeoutMinutes,
        SecurityConfig security) {

    /** Without security settings: the defaults of {@link SecurityConfig#defaults}. */
    public ProcuraConfig(Mode mode, Path dataDir, Path logDir, ServerConfig server, TlsConfig tls,
            DatabaseConfig database, int sessionTimeoutMinutes) {
        this(mode, dataDir, logDir, server, tls, database, sessionTimeoutMinutes, SecurityConfig.defaults(mode));
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }
}
