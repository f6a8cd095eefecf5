package com.procura.testing;

import com.procura.demo.DemoData;
import com.procura.platform.Application;
import com.procura.platform.config.DatabaseConfig;
import com.procura.platform.config.Mode;
import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.config.SecurityConfig;
import com.procura.platform.config.ServerConfig;
import com.procura.platform.config.TlsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** A real Procura on free ports with its own data folder, optionally with the demo data. */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = "correct-horse-battery";

    private final Application application;
    private final DatabaseConfig database;

    private TestApp(Application application, DatabaseConfig database) {
        this.application = application;
        this.database = database;
    }

    public static TestApp demo(Path folder) {
        return demo(folder, TestDatabases.Engine.H2);
    }

    public static TestApp demo(Path folder, TestDatabases.Engine engine) {
        return demo(folder, engine, SecurityConfig.defaults(Mode.DEMO), Clock.systemUTC());
    }

    /** The demo with these security settings (trusted proxies, SMTP, SMS) and this clock. */
    public static TestApp demo(Path folder, TestDatabases.Engine engine, SecurityConfig security, Clock clock) {
        return demo(folder, engine, security, clock, ProcuraConfig.DEFAULT_UPGRADE_STATE_DIR);
    }

    /** The demo on H2 whose upgrade page reads the upgrade manager's state from {@code upgradeStateDir}. */
    public static TestApp demo(Path folder, Path upgradeStateDir) {
        return demo(folder, TestDatabases.Engine.H2, SecurityConfig.defaults(Mode.DEMO), Clock.systemUTC(), upgradeStateDir);
    }

    private static TestApp demo(Path folder, TestDatabases.Engine engine, SecurityConfig security, Clock clock,
            Path upgradeStateDir) {
        TestApp app = start(folder, engine, Mode.DEMO, security, clock, upgradeStateDir);
        DemoData.create(app.application.suppliers(), app.application.orders(), app.application.security().users(),
                app.application.sap().partners(),
                PASSWORD, LocalDate.now());
        app.application.startBackgroundWork();
        return app;
    }

    public static TestApp production(Path folder, TestDatabases.Engine engine) {
        TestApp app = start(folder, engine, Mode.PRODUCTION, SecurityConfig.defaults(Mode.PRODUCTION), Clock.systemUTC(),
                ProcuraConfig.DEFAULT_UPGRADE_STATE_DIR);
        app.application.startBackgroundWork();
        return app;
    }

    private static TestApp start(Path folder, TestDatabases.Engine engine, Mode mode, SecurityConfig security,
            Clock clock, Path upgradeStateDir) {
        DatabaseConfig database = TestDatabases.create(engine, folder);
        ProcuraConfig config = new ProcuraConfig(mode, folder, folder.resolve("logs"),
                new ServerConfig("127.0.0.1", 0, 0, "localhost"),
                new TlsConfig(Optional.empty(), Optional.empty()), database, 30, security, upgradeStateDir);
        return new TestApp(Application.start(config, null, clock), database);
    }

    public Application app() {
        return application;
    }

    public String baseUrl() {
        return "https://localhost:" + application.httpsPort();
    }

    public WebClient client() {
        return new WebClient(baseUrl(), application.config().dataDir().resolve("tls/procura.crt"));
    }

    @Override
    public void close() {
        application.close();
        TestDatabases.drop(database);
    }
}
