package com.procura.platform;

import com.procura.Procura;
import com.procura.accesslog.AccessLog;
import com.procura.accesslog.AccessLogFilter;
import com.procura.accesslog.AccessLogPages;
import com.procura.accesslog.AccessLogSearch;
import com.procura.audit.AuditLog;
import com.procura.dashboard.DashboardPage;
import com.procura.monitoring.HealthServlet;
import com.procura.integration.sap.SapModule;
import com.procura.orders.OrderPages;
import com.procura.orders.OrderService;
import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.db.Database;
import com.procura.platform.web.ErrorPage;
import com.procura.platform.web.MaintenancePage;
import com.procura.platform.web.TlsMaterial;
import com.procura.platform.web.Views;
import com.procura.platform.web.WebServer;
import com.procura.security.SecurityEvents;
import com.procura.security.SecurityModule;
import com.procura.suppliers.SupplierPages;
import com.procura.suppliers.SupplierService;
import com.procura.upgrades.UpgradePage;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

/**
 * The running platform. {@link #start} is the one wiring method: {@code main} calls it with the
 * loaded configuration, and the tests call it the same way.
 */
public final class Application implements AutoCloseable {
    private final ProcuraConfig config;
    private final DataFolderLock lock;
    private final Database database;
    private final AccessLog accessLog;
    private final AuditLog audit;
    private final WebServer web;
    private final SecurityModule security;
    private final SupplierService suppliers;
    private final OrderService orders;
    private final SapModule sap;
    private final Optional<String> setupToken;
    private volatile boolean ready;

    private Application(ProcuraConfig config, DataFolderLock lock, Database database, TlsMaterial tls,
            HttpServlet benchmarkServlet, Clock clock) {
        this.config = config;
        this.lock = lock;
        this.database = database;
        this.accessLog = new AccessLog(database.dataSource());
        this.audit = new AuditLog(database.dataSource(), clock);
        this.security = new SecurityModule(database, config, clock);
        this.suppliers = new SupplierService(database);
        this.orders = new OrderService(database);
        this.sap = new SapModule(database, orders, config.dataDir(), Clock.systemDefaultZone());
        this.setupToken = config.demo() ? Optional.empty() : security.setup().prepare();

        this.web = new WebServer(config.server(), tls, config.dataDir().resolve("work"), config.sessionTimeoutMinutes());
        Views views = new Views();
        web.addServlet("health", new HealthServlet(() -> ready && database.isReachable(), Procura.version()), "/health/*");
        web.addFilter("client-address", security.clientAddressFilter(), "/*");
        web.addFilter("shiro", security.subjectFilter(), "/*");
        web.addFilter("access-log", new AccessLogFilter(accessLog), "/*");
        security.installAccessControl(web, views, SecurityEvents.all(accessLog, audit), suppliers);
        sap.install(web, views, security);
        web.addServlet("error", new ErrorPage(views), "/error");
        web.errorPagesAt("/error");
        web.addServlet("dashboard", new DashboardPage(views, orders), "/dashboard", "");
        web.addServlet("orders", new OrderPages(views, orders, suppliers), "/orders", "/orders/*");
        web.addServlet("suppliers", new SupplierPages(views, suppliers), "/suppliers", "/suppliers/*");
        web.addServlet("access-log", new AccessLogPages(views, new AccessLogSearch(database.dataSource())),
                "/admin/access-log", "/admin/access-log.csv");
        web.addServlet("upgrade", new UpgradePage(views, config.upgradeStateDir(), audit, clock), "/admin/upgrade");
        if (benchmarkServlet != null) {
            web.addServlet("bench-hello", benchmarkServlet, "/bench/hello");
        }
    }

    public static Application start(ProcuraConfig config) {
        return start(config, null);
    }

    /** As {@link #start(ProcuraConfig)}, with a bare servlet at {@code /bench/hello} to compare against. */
    public static Application start(ProcuraConfig config, HttpServlet benchmarkServlet) {
        return start(config, benchmarkServlet, Clock.systemUTC());
    }

    /**
     * As {@link #start(ProcuraConfig, HttpServlet)}, with the clock security decisions use (tests move it). With fixed
     * ports, a {@link MaintenancePage} answers on them while the database is opened and migrated.
     */
    public static Application start(ProcuraConfig config, HttpServlet benchmarkServlet, Clock clock) {
        prepareFolders(config);
        DataFolderLock lock = DataFolderLock.acquire(config.dataDir());
        TlsMaterial tls;
        Optional<WebServer> maintenance = Optional.empty();
        Database database;
        try {
            LogFiles.configure(config.logDir());
            tls = TlsMaterial.resolve(config.tls(), config.dataDir());
            maintenance = maintenancePage(config, tls);
            database = Database.open(config.database());
        } catch (RuntimeException e) {
            maintenance.ifPresent(WebServer::close);
            lock.close();
            throw e;
        }
        Application application = null;
        try {
            try {
                application = new Application(config, lock, database, tls, benchmarkServlet, clock);
            } finally {
                maintenance.ifPresent(WebServer::close);
            }
            application.web.start();
            return application;
        } catch (RuntimeException e) {
            if (application != null) {
                application.close();
            } else {
                database.close();
                lock.close();
            }
            throw e;
        }
    }

    /** Ports chosen by the system (0, in tests) would differ between the two servers: no maintenance page then. */
    private static Optional<WebServer> maintenancePage(ProcuraConfig config, TlsMaterial tls) {
        if (config.server().httpsPort() == 0 || config.server().httpPort() == 0) {
            return Optional.empty();
        }
        return Optional.of(MaintenancePage.serve(config.server(), tls, config.dataDir().resolve("work")));
    }

    private static void prepareFolders(ProcuraConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new StartupException("Cannot create the data folder " + config.dataDir() + " or log folder "
                    + config.logDir() + ": " + e.getMessage() + ". Check the path and its permissions.", e);
        }
    }

    /**
     * Starts the SAP workers (file port, inbound processing, outbox) and reports ready on
     * {@code /health/ready}. Separate from {@link #start} so that the demo and the tests can lay
     * down their data (partner profiles) first.
     */
    public Application startBackgroundWork() {
        sap.start();
        ready = true;
        return this;
    }

    public ProcuraConfig config() { return config; }
    public Database database() { return database; }
    public SecurityModule security() { return security; }
    public SupplierService suppliers() { return suppliers; }
    public OrderService orders() { return orders; }
    public AccessLog accessLog() { return accessLog; }
    public SapModule sap() { return sap; }
    public AuditLog audit() { return audit; }
    public int httpsPort() { return web.httpsPort(); }
    public int httpPort() { return web.httpPort(); }

    /** The one-time setup token, when this production start found no admin. */
    public Optional<String> setupToken() {
        return setupToken;
    }

    @Override
    public void close() {
        ready = false;
        sap.close();
        web.close();
        security.close();
        accessLog.close();
        database.close();
        lock.close();
    }
}
