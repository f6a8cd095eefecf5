package com.procura.upgrade.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Snapshot and restore through configured shell commands (e.g. {@code procura backup --to "$PROCURA_SNAPSHOT_DIR"});
 * they see {@code PROCURA_SNAPSHOT_DIR} and {@code PROCURA_ROOT}.
 */
public final class CommandDatabaseSnapshot implements DatabaseSnapshot {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final String snapshotCommand;
    private final String restoreCommand;
    private final Path root;

    public CommandDatabaseSnapshot(String snapshotCommand, String restoreCommand, Path root) {
        this.snapshotCommand = snapshotCommand;
        this.restoreCommand = restoreCommand;
        this.root = root;
    }

    @Override
    public void take(Path snapshotDir) throws IOException {
        Files.createDirectories(snapshotDir);
        ShellCommands.run(List.of("sh", "-c", snapshotCommand), environment(snapshotDir), TIMEOUT,
                "database snapshot command '" + snapshotCommand + "'");
    }

    @Override
    public void restore(Path snapshotDir) throws IOException {
        if (!Files.isDirectory(snapshotDir)) {
            throw new IOException("database snapshot " + snapshotDir + " does not exist; cannot restore");
        }
        ShellCommands.run(List.of("sh", "-c", restoreCommand), environment(snapshotDir), TIMEOUT,
                "database restore command '" + restoreCommand + "'");
    }

    private Map<String, String> environment(Path snapshotDir) {
        return Map.of("PROCURA_SNAPSHOT_DIR", snapshotDir.toString(), "PROCURA_ROOT", root.toString());
    }
}
