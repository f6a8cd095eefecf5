package com.procura.platform;

/** Startup failed for a reason an admin can fix; the message names the cause and the fix. */
public class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
