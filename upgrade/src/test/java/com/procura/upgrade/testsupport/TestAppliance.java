package com.procura.upgrade.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.appliance.ApplianceLayout;
import com.procura.upgrade.appliance.HealthProbe;
import com.procura.upgrade.appliance.ProcessLauncherService;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.cli.UpgradeMain;
import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.repo.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An appliance in a temporary root: config, trust root, one installed release, the fake app running as a process. */
public final class TestAppliance implements AutoCloseable {

    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Quick start-up for the short-lived fake application JVMs. */
    public static final List<String> JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto");
    public static final String DATABASE_BEFORE = "orders: 42 open purchase orders\n";

    public final Path root;
    public final ApplianceLayout layout;
    public final int port;
    private final TlsMaterial tls;
    private final HttpClient client;

    private TestAppliance(Path root, int port, TlsMaterial tls) {
        this.root = root;
        this.layout = new ApplianceLayout(root);
        this.port = port;
        this.tls = tls;
        this.client = HttpClient.newBuilder().sslContext(tls.clientContext()).connectTimeout(Duration.ofSeconds(1)).build();
    }

    /** Installs {@code initialBundle} as the running release and starts it. */
    public static TestAppliance install(Path root, Path repository, Path initialBundle, String channel, TlsMaterial tls,
                                        Map<String, String> settingOverrides) throws IOException {
        TestAppliance appliance = new TestAppliance(root, freePort(), tls);
        appliance.writeConfiguration(repository, channel, settingOverrides);
        String version = ReleaseBundle.readManifest(initialBundle).version();
        ReleaseBundle.extract(initialBundle, appliance.layout.releaseDir(version));
        AtomicFiles.switchSymlink(appliance.layout.currentLink(), Path.of("releases", version));
        appliance.service().restart();
        new HealthProbe(appliance.port, Duration.ofSeconds(20), Duration.ofMillis(50)).awaitReady(appliance.service());
        return appliance;
    }

    private void writeConfiguration(Path repository, String channel, Map<String, String> overrides) throws IOException {
        Files.createDirectories(layout.trustAnchor().getParent());
        Files.copy(repository.resolve("root.json"), layout.trustAnchor());
        Files.createDirectories(layout.databaseDir());
        Files.writeString(layout.databaseDir().resolve("db.txt"), DATABASE_BEFORE);
        Files.writeString(layout.applicationConfig(), String.join("\n",
                "https.port=" + port,
                "https.keystore=" + tls.keyStore(),
                "https.keystore.password=" + tls.password(),
                "database.file=" + layout.databaseDir().resolve("db.txt")) + "\n");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("repository", repository.toString());
        settings.put("channel", channel);
        settings.put("health.port", String.valueOf(port));
        settings.put("health.timeout.seconds", "20");
        settings.put("snapshot.command", "cp \"$PROCURA_ROOT/var/lib/procura/db.txt\" \"$PROCURA_SNAPSHOT_DIR/db.txt\"");
        settings.put("restore.command", "cp \"$PROCURA_SNAPSHOT_DIR/db.txt\" \"$PROCURA_ROOT/var/lib/procura/db.txt\"");
        settings.put("service", "process");
        settings.put("java.command", JAVA);
        settings.put("java.options", String.join(" ", JAVA_OPTIONS));
        settings.put("disk.reserve.bytes", "1048576");
        settings.putAll(overrides);
        SettingsFile.write(layout.settingsFile(), settings);
    }

    public CliResult upgrade(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--root";
        all[1] = root.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliResult.run(UpgradeMain.commandLine(StepHook.NONE), all);
    }

    public ProcessLauncherService service() {
        List<String> java = new java.util.ArrayList<>(List.of(JAVA));
        java.addAll(JAVA_OPTIONS);
        return new ProcessLauncherService(layout, java, Optional.empty());
    }

    public String currentVersion() throws IOException {
        return Files.readSymbolicLink(layout.currentLink()).getFileName().toString();
    }

    public List<String> installedReleases() throws IOException {
        try (var dirs = Files.list(layout.releasesDir())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The body of /health/ready when it answers 200, checked against the appliance certificate. */
    public Optional<String> readyVersion() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body().replace("ready ", "")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public String database() throws IOException {
        return Files.readString(layout.databaseDir().resolve("db.txt"));
    }

    public String file(Path path) throws IOException {
        return Files.isRegularFile(path) ? Files.readString(path) : "";
    }

    public void assertRunningUnchanged(String version) throws IOException {
        assertThat(currentVersion()).isEqualTo(version);
        assertThat(installedReleases()).containsExactly(version);
        assertThat(readyVersion()).contains(version);
        assertThat(layout.journal()).doesNotExist();
    }

    @Override
    public void close() throws IOException {
        service().stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A self-signed certificate for 127.0.0.1 made by keytool, and a client context that trusts exactly it. */
    public record TlsMaterial(Path keyStore, String password) {

        public static TlsMaterial generate(Path dir) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("appliance-tls.p12");
            String password = Long.toHexString(Double.doubleToLongBits(Math.random())) + "x";
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "procura", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=procura-appliance", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            return new TlsMaterial(keyStore, password);
        }

        SSLContext clientContext() {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the test TLS client from " + keyStore, e);
            }
        }
    }
}
