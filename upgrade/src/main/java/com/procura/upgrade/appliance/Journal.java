package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The crash journal of the running upgrade hop; every change is fsynced and renamed into place. */
final class Journal {

    record Entry(String from, String to, String bundleSha256, String snapshotDir, String startedAt, List<UpgradeStep> completed) {

        Entry {
            completed = List.copyOf(completed);
        }

        boolean done(UpgradeStep step) {
            return completed.contains(step);
        }

        Entry with(UpgradeStep step) {
            List<UpgradeStep> steps = new ArrayList<>(completed);
            steps.add(step);
            return new Entry(from, to, bundleSha256, snapshotDir, startedAt, steps);
        }
    }

    private final Path file;

    Journal(Path file) {
        this.file = file;
    }

    Optional<Entry> current() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(Files.readAllBytes(file), Entry.class, file.toString()));
    }

    void write(Entry entry) throws IOException {
        AtomicFiles.write(file, Json.pretty(entry));
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
        AtomicFiles.syncDirectory(file.getParent());
    }
}
