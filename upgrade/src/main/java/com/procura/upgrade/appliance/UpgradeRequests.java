package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Requests the admin page of the application drops into {@code requests/} (one JSON file each, written under a
 * dot-name and renamed). The application never runs an upgrade itself: a systemd path unit starts
 * {@code procura-upgrade run-requests} as its own service, which takes them in name order. A request only names an
 * action; everything it leads to is verified exactly as from the command line.
 */
public final class UpgradeRequests {

    /** One request: {@code action} is {@code check}, {@code apply} or {@code channel} (with {@code channel}). */
    public record Request(String action, String channel, String requestedBy, String requestedAt) {
    }

    /** A dot-file the application did not finish renaming within this time is left over from a crash. */
    private static final Duration ABANDONED = Duration.ofMinutes(1);

    private final Path dir;

    public UpgradeRequests(ApplianceLayout layout) {
        this.dir = layout.requestsDir();
    }

    /** Removes and returns the oldest request; a file that is not a request is removed and reported as such. */
    public Optional<Taken> takeNext(Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(ABANDONED))) {
                    Files.deleteIfExists(file);
                }
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            try {
                return Optional.of(new Taken(name, Json.read(bytes, Request.class, file.toString()), null));
            } catch (VerificationException e) {
                return Optional.of(new Taken(name, null, e.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** A request taken from the folder, or why its file was not one. */
    public record Taken(String file, Request request, String unreadable) {
    }
}
