package com.procura.testing;

import com.procura.platform.config.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two real databases every persistence test runs on: an H2 file database in a temporary
 * folder, and a fresh database on the MariaDB server at 127.0.0.1:3306 (started by {@code .ci/run}).
 */
public final class TestDatabases {
    public enum Engine { H2, MARIADB }

    public static final String MARIADB_SERVER = System.getenv().getOrDefault("PROCURA_TEST_MARIADB",
            "jdbc:mariadb://127.0.0.1:3306/");
    public static final String MARIADB_USER = System.getenv().getOrDefault("PROCURA_TEST_MARIADB_USER", "root");
    public static final String MARIADB_PASSWORD = System.getenv().getOrDefault("PROCURA_TEST_MARIADB_PASSWORD", "");

    public static final String APP_USER = "procura_it";
    public static final String APP_PASSWORD = "procura-it-password";

    private TestDatabases() {
    }

    public static DatabaseConfig create(Engine engine, Path folder) {
        return switch (engine) {
            case H2 -> new DatabaseConfig("jdbc:h2:file:" + folder.resolve("db/procura") + ";DB_CLOSE_ON_EXIT=FALSE",
                    "procura", "", 5);
            case MARIADB -> createMariaDb();
        };
    }

    /** A fresh database, used through an account with a password, as in production. */
    private static DatabaseConfig createMariaDb() {
        String name = "procura_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        execute("CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
        execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + APP_USER + "'@'%'");
        return new DatabaseConfig(MARIADB_SERVER + name, APP_USER, APP_PASSWORD, 5);
    }

    /** Drops a MariaDB test database; H2 files go with their temporary folder. */
    public static void drop(DatabaseConfig config) {
        if (config.url().startsWith("jdbc:mariadb:")) {
            execute("DROP DATABASE IF EXISTS " + config.url().substring(config.url().lastIndexOf('/') + 1));
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + MARIADB_SERVER + " is needed for this test (.ci/run starts it): "
                    + e.getMessage(), e);
        }
    }
}
