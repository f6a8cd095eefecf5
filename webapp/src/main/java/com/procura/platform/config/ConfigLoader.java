package com.procura.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code procura.properties}. Every problem is collected and reported at once, so that an
 * admin fixes the file in one go; an unknown key is a problem too (it is usually a typo).
 */
public final class ConfigLoader {

    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("mode", "production or demo (default production)"),
            Map.entry("data.dir", "folder for data, TLS material and IDoc folders (required)"),
            Map.entry("log.dir", "folder for log files (default: <data.dir>/logs)"),
            Map.entry("server.bind", "address to listen on (default 0.0.0.0)"),
            Map.entry("server.https.port", "HTTPS port 1-65535 (default 8443)"),
            Map.entry("server.http.port", "HTTP port that redirects to HTTPS, 1-65535 (default 8080)"),
            Map.entry("server.public-host", "host name used in redirects and links (default localhost)"),
            Map.entry("tls.certificate-file", "PEM certificate chain; with tls.key-file, or neither"),
            Map.entry("tls.key-file", "PEM private key (PKCS#8); with tls.certificate-file, or neither"),
            Map.entry("database.url", "JDBC URL, jdbc:mariadb://... or jdbc:h2:file:... (required)"),
            Map.entry("database.user", "database user (required)"),
            Map.entry("database.password", "database password (required for MariaDB)"),
            Map.entry("database.pool-size", "maximum pooled connections 1-200 (default 10)"),
            Map.entry("session.timeout-minutes", "idle minutes before a session ends, 1-1440 (default 30)"),
            // Security mechanisms (issue #4)
            Map.entry("server.trusted-proxies", "comma-separated addresses/CIDR ranges of reverse proxies whose "
                    + "X-Forwarded-For is believed (default: none)"),
            Map.entry("mail.smtp.host", "SMTP server for login e-mails (default: none, e-mails stay queued)"),
            Map.entry("mail.smtp.port", "SMTP port 1-65535 (default 25)"),
            Map.entry("mail.from", "sender address of e-mails (required with mail.smtp.host)"),
            Map.entry("mail.smtp.user", "SMTP user name (optional)"),
            Map.entry("mail.smtp.password", "SMTP password (optional, with mail.smtp.user)"),
            Map.entry("mail.smtp.starttls", "true to require STARTTLS (default false)"),
            Map.entry("sms.gateway", "none, file (demo: DATA/sms-outbox.log) or http (default: file in demo mode, else none)"),
            Map.entry("sms.http.url", "HTTPS URL of the SMS gateway (required with sms.gateway=http)"),
            Map.entry("sms.http.user", "SMS gateway user (optional)"),
            Map.entry("sms.http.password", "SMS gateway password (optional)"),
            // Upgrade manager (issue #5)
            Map.entry("upgrade.state-dir", "state folder of procura-upgrade, read by the upgrade page (default /var/lib/procura-upgrade)"));

    private ConfigLoader() {
    }

    public static ProcuraConfig load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        return fromProperties(file.toString(), properties);
    }

    public static ProcuraConfig fromProperties(String source, Properties properties) {
        Reading reading = new Reading(properties);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS.keySet());
        unknown.forEach(key -> reading.problems.add("unknown key '" + key + "' (known keys: "
                + String.join(", ", new TreeSet<>(KEYS.keySet())) + ")"));

        Mode mode = reading.mode();
        Path dataDir = reading.path("data.dir", null);
        Path logDir = dataDir == null ? null : reading.path("log.dir", dataDir.resolve("logs"));
        ServerConfig server = new ServerConfig(
                reading.text("server.bind", "0.0.0.0"),
                reading.integer("server.https.port", 8443, 1, 65535),
                reading.integer("server.http.port", 8080, 1, 65535),
                reading.text("server.public-host", "localhost"));
        if (server.httpPort() == server.httpsPort()) {
            reading.problems.add("server.http.port and server.https.port are both " + server.httpPort()
                    + ": expected two different ports");
        }
        TlsConfig tls = reading.tls();
        String url = reading.required("database.url", "a JDBC URL");
        if (url != null && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:h2:")) {
            reading.problems.add("database.url='" + url + "' is not supported: expected jdbc:mariadb://HOST:PORT/DB or jdbc:h2:file:PATH");
        }
        String user = reading.required("database.user", "a database user name");
        String password = properties.getProperty("database.password", "");
        if (url != null && url.startsWith("jdbc:mariadb:") && password.isBlank()) {
            reading.problems.add("database.password is missing: expected the MariaDB password of database.user");
        }
        int poolSize = reading.integer("database.pool-size", 10, 1, 200);
        int timeout = reading.integer("session.timeout-minutes", 30, 1, 1440);

        SecurityConfig security = SecuritySettings.read(properties, mode, reading.problems);

        if (!reading.problems.isEmpty()) {
            throw new ConfigException(source, reading.problems);
        }
        Path upgradeStateDir = reading.path("upgrade.state-dir", ProcuraConfig.DEFAULT_UPGRADE_STATE_DIR);
        return new ProcuraConfig(mode, dataDir, logDir, server, tls,
                new DatabaseConfig(url, user, password, poolSize), timeout, security, upgradeStateDir);
    }

    private static final class Reading {
        final Properties properties;
        final List<String> problems = new ArrayList<>();

        Reading(Properties properties) {
            this.properties = properties;
        }

        String text(String key, String fallback) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        String required(String key, String expected) {
            String value = text(key, null);
            if (value == null) {
                problems.add(key + " is missing: expected " + expected);
            }
            return value;
        }

        Path path(String key, Path fallback) {
            String value = text(key, null);
            if (value == null && fallback == null) {
                problems.add(key + " is missing: expected " + KEYS.get(key));
                return null;
            }
            return value == null ? fallback : Path.of(value).toAbsolutePath().normalize();
        }

        int integer(String key, int fallback, int min, int max) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(key + "=" + value + " is out of range: expected " + min + "-" + max);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(key + "='" + value + "' is not a whole number: expected " + min + "-" + max);
                return fallback;
            }
        }

        Mode mode() {
            String value = text("mode", "production");
            try {
                return Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("mode='" + value + "' is not known: expected production or demo");
                return Mode.PRODUCTION;
            }
        }

        TlsConfig tls() {
            Optional<Path> certificate = Optional.ofNullable(text("tls.certificate-file", null)).map(Path::of);
            Optional<Path> key = Optional.ofNullable(text("tls.key-file", null)).map(Path::of);
            if (certificate.isPresent() != key.isPresent()) {
                problems.add("tls.certificate-file and tls.key-file must be set together (or both left out for a self-signed certificate)");
            }
            certificate.filter(p -> !Files.isReadable(p))
                    .ifPresent(p -> problems.add("tls.certificate-file=" + p + " cannot be read: expected a readable PEM file"));
            key.filter(p -> !Files.isReadable(p))
                    .ifPresent(p -> problems.add("tls.key-file=" + p + " cannot be read: expected a readable PEM file"));
            return new TlsConfig(certificate, key);
        }
    }
}
