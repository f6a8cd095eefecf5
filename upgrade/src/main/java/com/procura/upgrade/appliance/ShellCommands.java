package com.procura.upgrade.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands with a timeout and reports their exit code and output on failure. */
final class ShellCommands {

    record Result(int exitCode, String output) {
    }

    private ShellCommands() {
    }

    static void run(List<String> command, Duration timeout, String what) throws IOException {
        run(command, Map.of(), timeout, what);
    }

    static void run(List<String> command, Map<String, String> environment, Duration timeout, String what) throws IOException {
        Result result = execute(command, environment, timeout, what);
        if (result.exitCode() != 0) {
            throw new IOException(what + " failed with exit code " + result.exitCode() + ": " + tail(result.output()));
        }
    }

    static Result runQuietly(List<String> command, Duration timeout) throws IOException {
        return execute(command, Map.of(), timeout, String.join(" ", command));
    }

    static Result execute(List<String> command, Map<String, String> environment, Duration timeout, String what) throws IOException {
        Path output = Files.createTempFile("procura-upgrade-cmd", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 600 ? trimmed : "..." + trimmed.substring(trimmed.length() - 600);
    }
}
