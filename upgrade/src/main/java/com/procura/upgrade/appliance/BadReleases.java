package com.procura.upgrade.appliance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Releases that failed on this appliance; they are not offered again (a newer release is). */
public final class BadReleases {

    public record Mark(String time, String reason) {
    }

    private final Path file;
    private final Clock clock;

    public BadReleases(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Optional<Mark> mark(String version) throws IOException {
        return Optional.ofNullable(all().get(version));
    }

    public void markBad(String version, String reason) throws IOException {
        Map<String, Mark> marks = all();
        marks.put(version, new Mark(clock.instant().toString(), reason));
        AtomicFiles.write(file, Json.pretty(marks));
    }

    /** Version to reason, for the planner. */
    public Map<String, String> reasons() throws IOException {
        Map<String, String> reasons = new TreeMap<>();
        all().forEach((version, mark) -> reasons.put(version, mark.reason() + " (" + mark.time() + ")"));
        return reasons;
    }

    private Map<String, Mark> all() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        return new TreeMap<>(Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Mark>>() { }));
    }
}
