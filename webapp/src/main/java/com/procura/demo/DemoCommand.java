package com.procura.demo;

import com.procura.platform.Application;
import com.procura.platform.DataFolderLock;
import com.procura.platform.StartupException;
import com.procura.platform.Running;
import com.procura.platform.config.DatabaseConfig;
import com.procura.platform.config.Mode;
import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.config.ServerConfig;
import com.procura.platform.config.TlsConfig;
import com.procura.security.PasswordPolicy;
import com.procura.security.Passwords;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code procura demo}: embedded H2, HTTPS, demo data and demo accounts, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a demo with embedded H2 and demo data; prints the demo accounts.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "where the demo keeps its database, certificate and logs (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--https-port", paramLabel = "N", defaultValue = "8443", description = "default: ${DEFAULT-VALUE}")
    int httpsPort;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
            description = "redirects to HTTPS (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--password", paramLabel = "P", description = "password for all demo accounts (at least "
            + PasswordPolicy.MIN_LENGTH + " characters; default: generated at first start and kept)")
    String password;

    @Option(names = "--reset", description = "throw the demo data away and start from the pristine demo")
    boolean reset;

    @Option(names = "--bench-hello", hidden = true, description = "serve a bare servlet at /bench/hello (benchmarks)")
    boolean benchHello;

    @Override
    public Integer call() throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        if (password != null) {
            Optional<String> problem = PasswordPolicy.problem(password, null);
            if (problem.isPresent()) {
                System.err.println("procura: --password refused: " + problem.get());
                return Running.CONFIG_ERROR;
            }
        }
        if (reset) {
            try (DataFolderLock lock = DataFolderLock.acquire(data)) {
                deleteTree(data.resolve("db"));
                Files.deleteIfExists(data.resolve("demo-password"));
            } catch (StartupException e) {
                System.err.println("procura: cannot reset: " + e.getMessage());
                return Running.STARTUP_ERROR;
            }
            System.out.println("Demo data in " + data + " reset to the pristine demo.");
        }
        ProcuraConfig config = config(data);
        return Running.start(() -> {
            Application application = Application.start(config, benchHello ? new HelloServlet() : null);
            try {
                preparePasswords(application, data);
                application.startBackgroundWork();
            } catch (RuntimeException e) {
                application.close();
                throw e;
            }
            return application;
        }, application -> announce(application, data));
    }

    ProcuraConfig config(Path data) {
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("procura") + ";DB_CLOSE_ON_EXIT=FALSE";
        return new ProcuraConfig(Mode.DEMO, data, data.resolve("logs"),
                new ServerConfig("0.0.0.0", httpsPort, httpPort, "localhost"),
                new TlsConfig(Optional.empty(), Optional.empty()),
                new DatabaseConfig(url, "procura", "", 10), 30);
    }

    private void preparePasswords(Application application, Path data) {
        Path passwordFile = data.resolve("demo-password");
        if (!DemoData.present(application.suppliers())) {
            String chosen = password != null ? password : Passwords.generate(4);
            DemoData.create(application.suppliers(), application.orders(), application.security().users(),
                    application.sap().partners(), chosen, LocalDate.now());
            writeSecret(passwordFile, chosen);
        } else if (password != null) {
            try {
                DemoData.ACCOUNTS.forEach(account -> application.security().users().changePassword(
                        account.username(), password, false));
            } catch (IllegalArgumentException e) {
                throw new StartupException("The demo data in " + data + " is incomplete (was its first start "
                        + "interrupted?): " + e.getMessage() + ". Start once with --reset.", e);
            }
            writeSecret(passwordFile, password);
        }
    }

    private static void announce(Application application, Path data) {
        String password = readSecret(data.resolve("demo-password"));
        System.out.println();
        System.out.println("Procura demo is running at https://localhost:" + application.httpsPort() + "/");
        System.out.println("(self-signed certificate; data in " + data + ")");
        System.out.println("Demo accounts:");
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            System.out.printf("  %-10s %-" + Math.max(22, password.length() + 2) + "s %s%n", account.username(), password,
                    account.description());
        }
        System.out.println("Stop with Ctrl+C; start again to continue; add --reset for a fresh demo.");
    }

    private static void writeSecret(Path file, String value) {
        try {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(unknown: start with --password P to set it)";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The bare servlet the page benchmark compares against, in the same Tomcat. */
    static final class HelloServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("hello");
        }
    }
}
