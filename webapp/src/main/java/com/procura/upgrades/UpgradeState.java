package com.procura.upgrades;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what the upgrade manager ({@code procura-upgrade}, its own service) keeps in its state folder: the last check
 * ({@code status.json}), the running upgrade ({@code journal.json}), the history ({@code history.jsonl}) and the
 * requests of this page it has not taken yet. Only reads; the files belong to the upgrade manager.
 */
final class UpgradeState {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String checkedAt, String installed, String channel, boolean verified, String problem,
                  String metadataExpires, String newest, List<String> hops, List<NotOffered> notOffered,
                  Map<String, String> releaseNotes, String automaticUpgrades) {

        String offered() {
            return hops == null || hops.isEmpty() ? null : hops.get(hops.size() - 1);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotOffered(String version, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Running(String from, String to, String startedAt, List<String> completed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String time, String event, String from, String to, String step, String message) {
    }

    record Pending(String file, String action, String channel, String requestedBy, String requestedAt) {
    }

    /** Everything the page shows; {@code problem} says why the state cannot be read at all. */
    record Snapshot(boolean installed, Optional<Status> status, Optional<Running> running, List<Event> history,
                    List<Pending> pending, Optional<String> problem) {

        boolean busy() {
            return running.isPresent() || !pending.isEmpty();
        }
    }

    static final int HISTORY_SHOWN = 30;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    UpgradeState(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path requestsDir() {
        return dir.resolve("requests");
    }

    Snapshot read() {
        if (!Files.isDirectory(dir)) {
            return new Snapshot(false, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        try {
            return new Snapshot(true, optional("status.json", Status.class), optional("journal.json", Running.class),
                    history(), pending(), Optional.empty());
        } catch (IOException e) {
            return new Snapshot(true, Optional.empty(), Optional.empty(), List.of(), List.of(),
                    Optional.of("The upgrade manager's files in " + dir + " cannot be read: " + e.getMessage()));
        }
    }

    private <T> Optional<T> optional(String name, Class<T> type) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The newest events first. */
    private List<Event> history() throws IOException {
        Path file = dir.resolve("history.jsonl");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file);
        List<Event> events = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && events.size() < HISTORY_SHOWN; i--) {
            if (!lines.get(i).isBlank()) {
                try {
                    events.add(JSON.readValue(lines.get(i), Event.class));
                } catch (IOException e) {
                    throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return Collections.unmodifiableList(events);
    }

    private List<Pending> pending() throws IOException {
        Path requests = requestsDir();
        if (!Files.isDirectory(requests)) {
            return List.of();
        }
        List<Pending> pending = new ArrayList<>();
        try (Stream<Path> files = Files.list(requests)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                try {
                    UpgradeRequests.Request request = JSON.readValue(Files.readAllBytes(file), UpgradeRequests.Request.class);
                    pending.add(new Pending(file.getFileName().toString(), request.action(), request.channel(),
                            request.requestedBy(), request.requestedAt()));
                } catch (java.nio.file.NoSuchFileException e) {
                    // taken by the upgrade service while we listed the folder
                }
            }
        }
        return pending;
    }
}
