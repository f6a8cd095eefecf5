package com.procura.platform;

import com.procura.platform.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Runs a started application until the process is told to stop; turns startup failures into exit codes. */
public final class Running {
    public static final int CONFIG_ERROR = 2;
    public static final int STARTUP_ERROR = 3;

    private Running() {
    }

    /**
     * For commands that work on the database of a configuration file ({@code user}, {@code audit}):
     * a configuration error exits 2 and a database that cannot be opened exits 3, each with its message.
     */
    public static int withDatabase(java.nio.file.Path configFile,
            java.util.function.ToIntFunction<com.procura.platform.db.Database> work) {
        com.procura.platform.config.ProcuraConfig loaded;
        try {
            loaded = com.procura.platform.config.ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            System.err.println("procura: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        try (var database = com.procura.platform.db.Database.open(loaded.database())) {
            return work.applyAsInt(database);
        } catch (StartupException e) {
            System.err.println("procura: cannot open the database: " + e.getMessage());
            return STARTUP_ERROR;
        }
    }

    public static int start(Supplier<Application> starter, java.util.function.Consumer<Application> announce) {
        Application application;
        try {
            application = starter.get();
        } catch (ConfigException e) {
            System.err.println("procura: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (StartupException e) {
            System.err.println("procura: cannot start: " + e.getMessage());
            return STARTUP_ERROR;
        }
        announce.accept(application);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            stopped.countDown();
        }, "procura-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
