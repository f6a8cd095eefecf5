package com.procura.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar webapp/target/procura.jar ARGS} as a real process, with its output captured. */
final class ProcuraProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "procura.jar");
    /** 128 + SIGTERM: the JVM ran its shutdown hooks and ended, as systemd expects of a clean stop. */
    static final int STOPPED_BY_SIGTERM = 143;

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private ProcuraProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static ProcuraProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcuraProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs to the end and returns the exit code. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("procura did not end within " + timeout + ":\n" + output);
        }
        Thread.sleep(100);
        return process.exitValue();
    }

    /** Waits until the output contains the text (or the process ends, or time runs out). */
    ProcuraProcess awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("expected '" + text + "' in procura's output:\n" + output);
            }
            Thread.sleep(50);
        }
        return this;
    }

    String output() {
        return output.toString();
    }

    /** SIGTERM, as systemd or Ctrl+C would send, and wait for a clean end. */
    int stop() throws InterruptedException {
        process.destroy();
        return exitCode(Duration.ofSeconds(30));
    }

    /** SIGKILL: no shutdown hook runs, as in a power cut of the process. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
