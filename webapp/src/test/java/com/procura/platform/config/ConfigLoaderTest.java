package com.procura.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void minimalProductionConfigGetsDocumentedDefaults() {
        ProcuraConfig config = ConfigLoader.fromProperties("test", properties(
                "data.dir", "/var/lib/procura",
                "database.url", "jdbc:mariadb://127.0.0.1:3306/procura",
                "database.user", "procura",
                "database.password", "s3cret-db-password"));
        assertThat(config.mode()).isEqualTo(Mode.PRODUCTION);
        assertThat(config.server().httpsPort()).isEqualTo(8443);
        assertThat(config.server().httpPort()).isEqualTo(8080);
        assertThat(config.logDir()).isEqualTo(Path.of("/var/lib/procura/logs"));
        assertThat(config.tls().customerSupplied()).isFalse();
        assertThat(config.sessionTimeoutMinutes()).isEqualTo(30);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> ConfigLoader.fromProperties("procura.properties", properties(
                "mode", "staging",
                "server.https.port", "70000",
                "server.http.port", "http",
                "database.url", "jdbc:postgresql://db/procura",
                "tls.certificate-file", "/nowhere/cert.pem",
                "sesion.timeout-minutes", "10")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "unknown key 'sesion.timeout-minutes' (known keys: " + String.join(", ",
                                new java.util.TreeSet<>(ConfigLoader.KEYS.keySet())) + ")",
                        "mode='staging' is not known: expected production or demo",
                        "data.dir is missing: expected folder for data, TLS material and IDoc folders (required)",
                        "server.https.port=70000 is out of range: expected 1-65535",
                        "server.http.port='http' is not a whole number: expected 1-65535",
                        "tls.certificate-file and tls.key-file must be set together (or both left out for a self-signed certificate)",
                        "tls.certificate-file=/nowhere/cert.pem cannot be read: expected a readable PEM file",
                        "database.url='jdbc:postgresql://db/procura' is not supported: expected jdbc:mariadb://HOST:PORT/DB or jdbc:h2:file:PATH",
                        "database.user is missing: expected a database user name"))
                .hasMessageStartingWith("procura.properties has 9 problem(s):");
    }

    @Test
    void mariaDbWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.fromProperties("test", properties(
                "data.dir", "/d", "database.url", "jdbc:mariadb://h/db", "database.user", "u")))
                .hasMessageContaining("database.password is missing");
    }

    @Test
    void samePortForHttpAndHttpsIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.fromProperties("test", properties(
                "data.dir", "/d", "database.url", "jdbc:h2:file:/d/db", "database.user", "u",
                "server.https.port", "9000", "server.http.port", "9000")))
                .hasMessageContaining("server.http.port and server.https.port are both 9000");
    }

    @Test
    void databasePasswordNeverAppearsInToString() {
        DatabaseConfig database = new DatabaseConfig("jdbc:mariadb://h/db", "u", "very-secret", 5);
        assertThat(database.toString()).doesNotContain("very-secret");
    }
}
