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
