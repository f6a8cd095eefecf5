package com.procura.upgrade.appliance;

import java.io.IOException;
import java.util.Optional;

/** Starts and stops the application: {@code systemctl} on the appliance, a launched process in tests. */
public interface ServiceController {

    void stop() throws IOException;

    /** Stops the running release if any and starts the one {@code current} points at. */
    void restart() throws IOException;

    /** Why the service is no longer running (exit code, last log lines), or empty while it runs. */
    Optional<String> failure() throws IOException;
}
