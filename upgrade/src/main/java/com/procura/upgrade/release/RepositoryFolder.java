package com.procura.upgrade.release;

import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.FileMeta;
import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.MetadataSigner;
import com.procura.upgrade.repo.RepositoryPaths;
import com.procura.upgrade.repo.Role;
import com.procura.upgrade.repo.RoleMetadata;
import com.procura.upgrade.repo.RootMetadata;
import com.procura.upgrade.repo.SignedEnvelope;
import com.procura.upgrade.repo.SigningKey;
import com.procura.upgrade.repo.SnapshotMetadata;
import com.procura.upgrade.repo.TargetsMetadata;
import com.procura.upgrade.repo.TimestampMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The publisher's view of a channel repository folder: reads current metadata, writes newly signed versions. */
final class RepositoryFolder {

    private final Path dir;
    private final Clock clock;
    private final MetadataLifetimes lifetimes;

    RepositoryFolder(Path dir, Clock clock, MetadataLifetimes lifetimes) {
        this.dir = dir;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    Path dir() {
        return dir;
    }

    Path file(String repositoryPath) {
        return dir.resolve(repositoryPath);
    }

    boolean initialised() {
        return Files.exists(file(RepositoryPaths.ROOT));
    }

    RootMetadata root() throws IOException {
        return read(RepositoryPaths.ROOT, RootMetadata.class);
    }

    TargetsMetadata targets(String channel) throws IOException {
        return read(RepositoryPaths.targets(channel), TargetsMetadata.class);
    }

    SnapshotMetadata snapshot() throws IOException {
        return read(RepositoryPaths.SNAPSHOT, SnapshotMetadata.class);
    }

    TimestampMetadata timestamp() throws IOException {
        return read(RepositoryPaths.TIMESTAMP, TimestampMetadata.class);
    }

    private <T> T read(String path, Class<T> type) throws IOException {
        Path file = file(path);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist: is " + dir + " a repository made by init-repo?");
        }
        return Json.convert(SignedEnvelope.parse(Files.readAllBytes(file), file.toString()).signed(), type, file.toString());
    }

    String expiry(Role role) {
        Duration lifetime = lifetimes.of(role);
        return clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    void writeRoot(RootMetadata root, List<SigningKey> keys) throws IOException {
        byte[] signed = MetadataSigner.sign(root, keys);
        AtomicFiles.write(file(RepositoryPaths.versionedRoot(root.version())), signed);
        AtomicFiles.write(file(RepositoryPaths.ROOT), signed);
    }

    /** Writes the given channels' targets, then a new snapshot over all channels, then a new timestamp. */
    void writeTargetsSnapshotTimestamp(Map<String, TargetsMetadata> changed, PublisherKeys keys) throws IOException {
        for (TargetsMetadata targets : changed.values()) {
            write(RepositoryPaths.targets(targets.channel()), targets, keys.targets());
        }
        Map<String, FileMeta> meta = new TreeMap<>();
        for (String channel : RepositoryPaths.CHANNELS) {
            Path file = file(RepositoryPaths.targets(channel));
            if (Files.isRegularFile(file)) {
                meta.put(RepositoryPaths.targets(channel), FileMeta.of(targets(channel).version(), Files.readAllBytes(file)));
            }
        }
        long snapshotVersion = Files.exists(file(RepositoryPaths.SNAPSHOT)) ? snapshot().version() + 1 : 1;
        write(RepositoryPaths.SNAPSHOT, new SnapshotMetadata(SnapshotMetadata.TYPE, snapshotVersion, expiry(Role.SNAPSHOT), meta),
                keys.snapshot());
        writeTimestamp(keys.timestamp());
    }

    void writeTimestamp(SigningKey timestampKey) throws IOException {
        byte[] snapshotBytes = Files.readAllBytes(file(RepositoryPaths.SNAPSHOT));
        long version = Files.exists(file(RepositoryPaths.TIMESTAMP)) ? timestamp().version() + 1 : 1;
        TimestampMetadata timestamp = new TimestampMetadata(TimestampMetadata.TYPE, version, expiry(Role.TIMESTAMP),
                Map.of(RepositoryPaths.SNAPSHOT, FileMeta.of(snapshot().version(), snapshotBytes)));
        write(RepositoryPaths.TIMESTAMP, timestamp, timestampKey);
    }

    private void write(String path, RoleMetadata metadata, SigningKey key) throws IOException {
        AtomicFiles.write(file(path), MetadataSigner.sign(metadata, List.of(key)));
    }
}
