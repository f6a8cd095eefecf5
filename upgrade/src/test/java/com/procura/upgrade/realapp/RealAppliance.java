package com.procura.upgrade.realapp;

import com.procura.upgrade.appliance.ApplianceLayout;
import com.procura.upgrade.appliance.HealthProbe;
import com.procura.upgrade.appliance.ProcessLauncherService;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.cli.UpgradeMain;
import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.SettingsFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An appliance in a temporary root running the real {@code procura.jar} as a process: HTTPS on a free loopback port,
 * its H2 database in {@code var/lib/procura/db}, snapshots by copying that folder while the application is stopped.
 * JVM options as the {@code ./procura} launcher's (C1 only, Serial GC, a class-data-sharing archive per release).
 */
public final class RealAppliance implements AutoCloseable {

    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    public static final List<String> JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public final Path root;
    public final ApplianceLayout layout;
    public final int port;
    private final Optional<Path> cdsDir;
    private HttpClient probe;

    private RealAppliance(Path root, int port, Optional<Path> cdsDir) {
        this.root = root;
        this.layout = new ApplianceLayout(root);
        this.port = port;
        this.cdsDir = cdsDir;
    }

    /**
     * Installs {@code initialBundle} as the running release and starts it.
     *
     * @param cdsDir class-data-sharing archives, shared between appliances of one test class (release jars keep the
     *               bundle's fixed file time, so an archive stays valid for the same release in another root); a
     *               {@code cds.dir} setting of "" turns them off
     */
    public static RealAppliance install(Path root, Path repository, Path initialBundle, String channel, Path cdsDir,
                                        Map<String, String> settingOverrides) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("cds.dir", cdsDir.toString()));
        settings.putAll(settingOverrides);
        RealAppliance appliance = new RealAppliance(root, freePort(),
                Optional.of(settings.get("cds.dir")).filter(dir -> !dir.isEmpty()).map(Path::of));
        appliance.writeConfiguration(repository, channel, settings);
        String version = ReleaseBundle.readManifest(initialBundle).version();
        ReleaseBundle.extract(initialBundle, appliance.layout.releaseDir(version));
        AtomicFiles.switchSymlink(appliance.layout.currentLink(), Path.of("releases", version));
        appliance.restartAndAwaitReady();
        return appliance;
    }

    public void restartAndAwaitReady() throws IOException {
        ProcessLauncherService service = service();
        service.restart();
        new HealthProbe(port, Duration.ofSeconds(90), Duration.ofMillis(50)).awaitReady(service);
    }

    private void writeConfiguration(Path repository, String channel, Map<String, String> overrides) throws IOException {
        Files.createDirectories(layout.trustAnchor().getParent());
        Files.copy(repository.resolve("root.json"), layout.trustAnchor());
        Path data = layout.databaseDir();
        Files.writeString(layout.applicationConfig(), String.join("\n",
                "data.dir=" + data,
                "log.dir=" + layout.logDir(),
                "server.bind=127.0.0.1",
                "server.https.port=" + port,
                "server.http.port=" + freePort(),
                "database.url=jdbc:h2:file:" + data.resolve("db/procura"),
                "database.user=procura",
                "upgrade.state-dir=" + layout.stateDir()) + "\n");
        Files.createDirectories(layout.requestsDir());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("repository", repository.toString());
        settings.put("channel", channel);
        settings.put("health.port", String.valueOf(port));
        settings.put("health.timeout.seconds", "90");
        settings.put("snapshot.command", "cp -a \"$PROCURA_ROOT/var/lib/procura/db\" \"$PROCURA_SNAPSHOT_DIR/db\"");
        settings.put("restore.command", "rm -rf \"$PROCURA_ROOT/var/lib/procura/db\" && cp -a \"$PROCURA_SNAPSHOT_DIR/db\" \"$PROCURA_ROOT/var/lib/procura/db\"");
        settings.put("snapshot.stops.service", "true");
        settings.put("service", "process");
        settings.put("java.command", JAVA);
        settings.put("java.options", String.join(" ", JAVA_OPTIONS));
        settings.put("disk.reserve.bytes", "1048576");
        settings.putAll(overrides);
        SettingsFile.write(layout.settingsFile(), settings);
    }

    public CliResult upgrade(String... args) {
        List<String> all = new ArrayList<>(List.of("--root", root.toString()));
        all.addAll(List.of(args));
        return CliResult.run(UpgradeMain.commandLine(StepHook.NONE), all.toArray(String[]::new));
    }

    public ProcessLauncherService service() {
        List<String> java = new ArrayList<>(List.of(JAVA));
        java.addAll(JAVA_OPTIONS);
        return new ProcessLauncherService(layout, java, cdsDir);
    }

    public String currentVersion() throws IOException {
        return Files.readSymbolicLink(layout.currentLink()).getFileName().toString();
    }

    public List<String> installedReleases() throws IOException {
        try (var dirs = Files.list(layout.releasesDir())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public String history() throws IOException {
        return Files.isRegularFile(layout.history()) ? Files.readString(layout.history()) : "";
    }

    /** The version the application reports on /health/ready while it answers 200 (it tells local callers). */
    public Optional<String> readyVersion() {
        try {
            if (probe == null) {
                probe = browser();
            }
            HttpResponse<String> response = probe.send(get("/health/ready"), HttpResponse.BodyHandlers.ofString());
            Matcher version = Pattern.compile("\"version\":\"([^\"]+)\"").matcher(response.body());
            return response.statusCode() == 200 && version.find() ? Optional.of(version.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** First-run setup with the one-time token the application wrote: creates the first administrator. */
    public void createFirstAdmin(String username, String password) throws IOException, InterruptedException {
        String token = Files.readString(layout.databaseDir().resolve("setup-token")).trim();
        HttpClient browser = browser();
        String csrf = csrf(browser.send(get("/setup"), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> done = browser.send(post("/setup", Map.of("_csrf", csrf, "token", token, "username", username,
                "displayName", "Upgrade Test Admin", "email", "admin@example.com", "password", password, "confirm", password)),
                HttpResponse.BodyHandlers.ofString());
        expect(done, 302, "first-run setup");
    }

    /** Logs in; empty when the application refuses the password. */
    public Optional<HttpClient> login(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = browser();
        String csrf = csrf(browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> response = browser.send(post("/login", Map.of("_csrf", csrf, "username", username,
                "password", password)), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 302 ? Optional.of(browser) : Optional.empty();
    }

    public void changePassword(HttpClient session, String current, String password) throws IOException, InterruptedException {
        String csrf = csrf(session.send(get("/account/password"), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> response = session.send(post("/account/password", Map.of("_csrf", csrf, "current", current,
                "password", password, "confirm", password)), HttpResponse.BodyHandlers.ofString());
        expect(response, 302, "password change");
    }

    /** The admin page {@code /admin/upgrade} as the logged-in session sees it. */
    public String upgradePage(HttpClient session) throws IOException, InterruptedException {
        HttpResponse<String> page = session.send(get("/admin/upgrade"), HttpResponse.BodyHandlers.ofString());
        expect(page, 200, "the upgrade page");
        return page.body();
    }

    /** Presses a button of the upgrade page: the form's fields and the page's CSRF token. */
    public void requestFromUpgradePage(HttpClient session, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(session.send(get("/admin/upgrade"), HttpResponse.BodyHandlers.ofString())));
        expect(session.send(post("/admin/upgrade", form), HttpResponse.BodyHandlers.ofString()), 302, "upgrade page request");
    }

    private static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + " answered " + response.statusCode() + " instead of " + status + ": " + response.body());
        }
    }

    private static String csrf(HttpResponse<String> page) throws IOException {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IOException(page.uri() + " (" + page.statusCode() + ") has no CSRF field: " + page.body());
        }
        return matcher.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A client with its own cookies that trusts exactly the certificate the application generated at its first start. */
    private HttpClient browser() throws IOException {
        return HttpClient.newBuilder().sslContext(trustingApplianceCertificate()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private SSLContext trustingApplianceCertificate() throws IOException {
        try (InputStream in = Files.newInputStream(layout.databaseDir().resolve("tls/procura.crt"))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("appliance", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot trust the appliance certificate in " + layout.databaseDir().resolve("tls"), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (probe != null) {
            probe.close();
        }
        service().stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
