package com.procura.upgrade.testsupport;

import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.MetadataSigner;
import com.procura.upgrade.repo.SignedEnvelope;
import com.procura.upgrade.repo.SigningKey;
import com.procura.upgrade.repo.TimestampMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What an attacker holding some key does: re-sign a repository's timestamp with it, with a higher version. */
public final class MetadataForger {

    private MetadataForger() {
    }

    public static void resignTimestamp(Path repository, SigningKey attackerKey) throws IOException {
        Path file = repository.resolve("timestamp.json");
        TimestampMetadata current = Json.convert(SignedEnvelope.parse(Files.readAllBytes(file), file.toString()).signed(),
                TimestampMetadata.class, file.toString());
        TimestampMetadata forged = new TimestampMetadata(current.type(), current.version() + 10,
                Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), current.meta());
        Files.write(file, MetadataSigner.sign(forged, java.util.List.of(attackerKey)));
    }
}
