package com.procura.upgrade.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A stand-in for {@code procura.jar} with the same contract ({@code --version}; {@code serve --config FILE} with HTTPS on
 * {@code https.port} and {@code GET /health/ready}; a migration at start that appends to the "database" file, exiting
 * non-zero when it fails). Compiled once at test time, packed into jars that differ by version and behaviour.
 * It exits by itself after {@code fake.max.lifetime.seconds} (default 600), so a test JVM killed mid-run
 * leaves no server behind.
 */
public final class FakeProcuraApp {

    /** How a fake release behaves when served. */
    public enum Behaviour { HEALTHY, NEVER_HEALTHY, MIGRATION_FAILS }

    private static final String SOURCE = """
            import com.sun.net.httpserver.HttpsConfigurator;
            import com.sun.net.httpserver.HttpsServer;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            import java.security.KeyStore;
            import java.util.Properties;
            import javax.net.ssl.KeyManagerFactory;
            import javax.net.ssl.SSLContext;

            public class FakeProcura {
                public static void main(String[] args) throws Exception {
                    Properties build = new Properties();
                    try (InputStream in = FakeProcura.class.getResourceAsStream("/fake-build.properties")) {
                        build.load(in);
                    }
                    String version = build.getProperty("version");
                    String behaviour = build.getProperty("behaviour");
                    if (args.length > 0 && args[0].equals("--version")) {
                        System.out.println("procura " + version);
                        return;
                    }
                    Properties config = new Properties();
                    try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                        config.load(in);
                    }
                    Path database = Path.of(config.getProperty("database.file"));
                    if (behaviour.equals("MIGRATION_FAILS")) {
                        Files.writeString(database, "half-migrated to " + version + "\\n", StandardOpenOption.APPEND);
                        System.err.println("Flyway: migration V" + version + "__orders failed: migration failed (table ORDERS)");
                        System.exit(3);
                    }
                    String line = "schema " + version + "\\n";
                    if (!Files.readString(database).contains(line)) {
                        Files.writeString(database, line, StandardOpenOption.APPEND);
                    }
                    char[] password = config.getProperty("https.keystore.password").toCharArray();
                    KeyStore keyStore = KeyStore.getInstance("PKCS12");
                    try (InputStream in = Files.newInputStream(Path.of(config.getProperty("https.keystore")))) {
                        keyStore.load(in, password);
                    }
                    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    keys.init(keyStore, password);
                    SSLContext tls = SSLContext.getInstance("TLS");
                    tls.init(keys.getKeyManagers(), null, null);
                    int port = Integer.parseInt(config.getProperty("https.port"));
                    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 50);
                    server.setHttpsConfigurator(new HttpsConfigurator(tls));
                    boolean ready = !behaviour.equals("NEVER_HEALTHY");
                    server.createContext("/health/ready", exchange -> {
                        byte[] body = ((ready ? "ready " : "starting ") + version).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
                    server.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
                    long lifetime = Long.parseLong(config.getProperty("fake.max.lifetime.seconds", "600"));
                    Thread.ofPlatform().daemon().start(() -> {
                        try {
                            Thread.sleep(lifetime * 1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        System.exit(0);
                    });
                    System.out.println("procura " + version + " serving on 127.0.0.1:" + port);
                }
            }
            """;

    private final byte[] classFile;

    private FakeProcuraApp(byte[] classFile) {
        this.classFile = classFile;
    }

    /** Compiles the fake application with the JDK's compiler. */
    public static FakeProcuraApp compile() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream compiled = new ByteArrayOutputStream();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///FakeProcura.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return SOURCE;
            }
        };
        var standard = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        var fileManager = new javax.tools.ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       javax.tools.FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return compiled;
                    }
                };
            }
        };
        StringWriter errors = new StringWriter();
        boolean ok = compiler.getTask(errors, fileManager, null, List.of("--release", "21"), null, List.of(source)).call();
        if (!ok) {
            throw new IllegalStateException("fake application does not compile: " + errors);
        }
        return new FakeProcuraApp(compiled.toByteArray());
    }

    /** Writes {@code procura.jar} for one version and behaviour. */
    public Path jar(Path dir, String version, Behaviour behaviour) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("procura-" + version + "-" + behaviour.name().toLowerCase() + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeProcura");
        Properties build = new Properties();
        build.setProperty("version", version);
        build.setProperty("behaviour", behaviour.name());
        StringWriter buildText = new StringWriter();
        build.store(buildText, null);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeProcura.class"));
            out.write(classFile);
            out.closeEntry();
            out.putNextEntry(new JarEntry("fake-build.properties"));
            out.write(buildText.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        return jar;
    }
}
