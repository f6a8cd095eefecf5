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
        SecurityConfig security,
        Path upgradeStateDir) {

    /** Where {@code procura-upgrade} keeps its state on the appliance; the upgrade page reads it. */
    public static final Path DEFAULT_UPGRADE_STATE_DIR = Path.of("/var/lib/procura-upgrade");

    /** With the upgrade manager's state in its default place. */
    public ProcuraConfig(Mode mode, Path dataDir, Path logDir, ServerConfig server, TlsConfig tls,
            DatabaseConfig database, int sessionTimeoutMinutes, SecurityConfig security) {
        this(mode, dataDir, logDir, server, tls, database, sessionTimeoutMinutes, security, DEFAULT_UPGRADE_STATE_DIR);
    }

    /** Without security settings: the defaults of {@link SecurityConfig#defaults}. */
    public ProcuraConfig(Mode mode, Path dataDir, Path logDir, ServerConfig server, TlsConfig tls,
            DatabaseConfig database, int sessionTimeoutMinutes) {
        this(mode, dataDir, logDir, server, tls, database, sessionTimeoutMinutes, SecurityConfig.defaults(mode));
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }
}
