package com.procura.upgrade.appliance;

import com.procura.upgrade.release.ReleaseBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code java -jar <root>/opt/procura/current/procura.jar serve --config <root>/etc/procura/procura.properties}
 * directly, with its pid in the state folder so a later run (after a crash) can stop it. Used where there is no
 * systemd unit: tests, the benchmark, a developer machine.
 */
public final class ProcessLauncherService implements ServiceController {

    private static final long STOP_GRACE_SECONDS = 10;

    private final ApplianceLayout layout;
    private final List<String> java;
    private final Optional<Path> cdsDir;
    private Process started;

    /**
     * @param java   the java executable followed by its JVM options
     * @param cdsDir where each release keeps its class-data-sharing archive, made at its first start (as {@code ./procura} does)
     */
    public ProcessLauncherService(ApplianceLayout layout, List<String> java, Optional<Path> cdsDir) {
        this.layout = layout;
        this.java = List.copyOf(java);
        this.cdsDir = cdsDir;
    }

    @Override
    public void stop() throws IOException {
        Optional<ProcessHandle> running = runningHandle();
        if (running.isPresent()) {
            ProcessHandle handle = running.get();
            handle.destroy();
            try {
                handle.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping pid " + handle.pid(), e);
            } catch (ExecutionException e) {
                throw new IOException("waiting for pid " + handle.pid() + " to stop failed", e);
            }
        }
        Files.deleteIfExists(layout.servicePidFile());
        started = null;
    }

    @Override
    public void restart() throws IOException {
        stop();
        Path log = layout.logDir().resolve("app.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(java);
        if (cdsDir.isPresent()) {
            Files.createDirectories(cdsDir.get());
            String version = Files.readSymbolicLink(layout.currentLink()).getFileName().toString();
            command.addAll(List.of("-XX:SharedArchiveFile=" + cdsDir.get().resolve("procura-" + version + ".jsa"),
                    "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("-jar", layout.currentLink().resolve(ReleaseBundle.JAR).toString(),
                "serve", "--config", layout.applicationConfig().toString()));
        started = new ProcessBuilder(command)
                .directory(layout.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.createDirectories(layout.servicePidFile().getParent());
        Files.writeString(layout.servicePidFile(), String.valueOf(started.pid()));
    }

    @Override
    public Optional<String> failure() throws IOException {
        if (started != null && !started.isAlive()) {
            return Optional.of("the application exited with code " + started.exitValue() + "; last output: " + logTail());
        }
        if (started == null && runningHandle().isEmpty()) {
            return Optional.of("the application is not running (no live process in " + layout.servicePidFile() + ")");
        }
        return Optional.empty();
    }

    private Optional<ProcessHandle> runningHandle() throws IOException {
        Path pidFile = layout.servicePidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private String logTail() throws IOException {
        Path log = layout.logDir().resolve("app.log");
        return Files.isRegularFile(log) ? ShellCommands.tail(Files.readString(log)) : "(no " + log + ")";
    }
}
