package com.procura.upgrades;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Set;

/**
 * Asks the upgrade manager to act: one JSON file per request in its {@code requests/} folder, written under a
 * dot-name and renamed, which its systemd path unit picks up ({@code procura-upgrade run-requests}, a service of its
 * own, so a closed browser or a restart of this application never stops an upgrade).
 */
final class UpgradeRequests {

    static final Set<String> CHANNELS = Set.of("feature", "pre-release", "live");

    record Request(String action, String channel, String requestedBy, String requestedAt) {
    }

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Clock clock;

    UpgradeRequests(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Writes the request; {@code channel} only for the action {@code channel}. Returns the file name. */
    String submit(String action, String channel, String requestedBy) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("the upgrade manager's request folder " + dir + " does not exist (is procura-upgrade installed?)");
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String name = NAME_TIME.format(clock.instant()) + "-" + action + "-" + HexFormat.of().formatHex(suffix) + ".json";
        Path draft = dir.resolve("." + name);
        Files.write(draft, JSON.writeValueAsBytes(new Request(action, channel, requestedBy, clock.instant().toString())));
        Files.move(draft, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }
}
