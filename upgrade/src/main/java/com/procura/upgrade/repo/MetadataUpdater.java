package com.procura.upgrade.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The appliance side of TUF: starting from the trust root, walks root versions, then verifies timestamp, snapshot
 * and the followed channel's targets (signatures, thresholds, hashes, lengths, expiry, and never a version lower
 * than one seen before). Verified files are kept in {@code trustedDir} so the highest versions seen survive restarts.
 */
public final class MetadataUpdater {

    private static final long MAX_ROOT = 512 * 1024;
    private static final int MAX_ROOT_ROTATIONS = 32;
    private static final long MAX_TIMESTAMP = 64 * 1024;
    private static final long MAX_SNAPSHOT = 1024 * 1024;
    private static final long MAX_TARGETS = 8 * 1024 * 1024;

    private final RepositorySource source;
    private final Path trustAnchor;
    private final Path trustedDir;
    private final Clock clock;

    public MetadataUpdater(RepositorySource source, Path trustAnchor, Path trustedDir, Clock clock) {
        this.source = source;
        this.trustAnchor = trustAnchor;
        this.trustedDir = trustedDir;
        this.clock = clock;
    }

    /** Fetches and verifies everything needed to trust the targets of {@code channel}. */
    public TargetsMetadata refresh(String channel) throws IOException {
        RootMetadata root = updateRoot();
        TimestampMetadata timestamp = updateTimestamp(root);
        SnapshotMetadata snapshot = updateSnapshot(root, timestamp);
        return updateTargets(root, snapshot, channel);
    }

    /** The newest trusted root: the locally stored one, else the trust anchor (verified as self-signed). */
    public RootMetadata trustedRoot() throws IOException {
        Path stored = trustedDir.resolve(RepositoryPaths.ROOT);
        Path file = Files.isRegularFile(stored) ? stored : trustAnchor;
        if (!Files.isRegularFile(file)) {
            throw new IOException("no trust root: " + trustAnchor + " does not exist (install the repository's root.json there)");
        }
        SignedEnvelope envelope = SignedEnvelope.parse(Files.readAllBytes(file), file.toString());
        RootMetadata root = Json.convert(envelope.signed(), RootMetadata.class, file.toString());
        RoleVerifier.checkType(root, RootMetadata.TYPE, file.toString());
        RoleVerifier.verifySignatures(envelope, root, Role.ROOT, file.toString());
        return root;
    }

    private RootMetadata updateRoot() throws IOException {
        RootMetadata current = trustedRoot();
        for (int rotations = 0; ; rotations++) {
            if (rotations == MAX_ROOT_ROTATIONS) {
                throw new VerificationException(source.describe() + ": more than " + MAX_ROOT_ROTATIONS
                        + " root versions after version " + (current.version() - rotations) + " in one update; refused");
            }
            String name = RepositoryPaths.versionedRoot(current.version() + 1);
            Optional<byte[]> next = source.fetch(name, MAX_ROOT);
            if (next.isEmpty()) {
                break;
            }
            String where = source.describe() + "/" + name;
            SignedEnvelope envelope = SignedEnvelope.parse(next.get(), where);
            RootMetadata candidate = Json.convert(envelope.signed(), RootMetadata.class, where);
            RoleVerifier.checkType(candidate, RootMetadata.TYPE, where);
            RoleVerifier.verifySignatures(envelope, current, Role.ROOT, where + " (by the previous root keys)");
            RoleVerifier.verifySignatures(envelope, candidate, Role.ROOT, where + " (by its own root keys)");
            if (candidate.version() != current.version() + 1) {
                throw new VerificationException(where + ": declares version " + candidate.version() + ", expected "
                        + (current.version() + 1));
            }
            AtomicFiles.write(trustedDir.resolve(RepositoryPaths.ROOT), next.get());
            current = candidate;
        }
        RoleVerifier.checkNotExpired(current, clock, "root.json");
        return current;
    }

    private TimestampMetadata updateTimestamp(RootMetadata root) throws IOException {
        String where = source.describe() + "/" + RepositoryPaths.TIMESTAMP;
        byte[] bytes = source.fetch(RepositoryPaths.TIMESTAMP, MAX_TIMESTAMP)
                .orElseThrow(() -> new IOException(where + ": not found"));
        SignedEnvelope envelope = SignedEnvelope.parse(bytes, where);
        RoleVerifier.verifySignatures(envelope, root, Role.TIMESTAMP, where);
        TimestampMetadata timestamp = Json.convert(envelope.signed(), TimestampMetadata.class, where);
        RoleVerifier.checkType(timestamp, TimestampMetadata.TYPE, where);
        RoleVerifier.checkNotRolledBack(timestamp, trusted(RepositoryPaths.TIMESTAMP, TimestampMetadata.class), where);
        RoleVerifier.checkNotExpired(timestamp, clock, where);
        AtomicFiles.write(trustedDir.resolve(RepositoryPaths.TIMESTAMP), bytes);
        return timestamp;
    }

    private SnapshotMetadata updateSnapshot(RootMetadata root, TimestampMetadata timestamp) throws IOException {
        String where = source.describe() + "/" + RepositoryPaths.SNAPSHOT;
        FileMeta expected = timestamp.meta().get(RepositoryPaths.SNAPSHOT);
        if (expected == null) {
            throw new VerificationException("timestamp.json version " + timestamp.version() + " does not list snapshot.json");
        }
        byte[] bytes = source.fetch(RepositoryPaths.SNAPSHOT, expected.length())
                .orElseThrow(() -> new IOException(where + ": not found"));
        expected.check(bytes, where);
        SignedEnvelope envelope = SignedEnvelope.parse(bytes, where);
        RoleVerifier.verifySignatures(envelope, root, Role.SNAPSHOT, where);
        SnapshotMetadata snapshot = Json.convert(envelope.signed(), SnapshotMetadata.class, where);
        RoleVerifier.checkType(snapshot, SnapshotMetadata.TYPE, where);
        if (snapshot.version() != expected.version()) {
            throw new VerificationException(where + ": version " + snapshot.version() + " differs from the version "
                    + expected.version() + " named by timestamp.json");
        }
        RoleVerifier.checkNotRolledBack(snapshot, trusted(RepositoryPaths.SNAPSHOT, SnapshotMetadata.class), where);
        RoleVerifier.checkNotExpired(snapshot, clock, where);
        AtomicFiles.write(trustedDir.resolve(RepositoryPaths.SNAPSHOT), bytes);
        return snapshot;
    }

    private TargetsMetadata updateTargets(RootMetadata root, SnapshotMetadata snapshot, String channel) throws IOException {
        String path = RepositoryPaths.targets(channel);
        String where = source.describe() + "/" + path;
        FileMeta expected = snapshot.meta().get(path);
        if (expected == null) {
            throw new VerificationException("snapshot.json version " + snapshot.version() + " does not list " + path
                    + ": channel '" + channel + "' has no releases in this repository");
        }
        byte[] bytes = source.fetch(path, Math.min(expected.length(), MAX_TARGETS))
                .orElseThrow(() -> new IOException(where + ": not found"));
        expected.check(bytes, where);
        SignedEnvelope envelope = SignedEnvelope.parse(bytes, where);
        RoleVerifier.verifySignatures(envelope, root, Role.TARGETS, where);
        TargetsMetadata targets = Json.convert(envelope.signed(), TargetsMetadata.class, where);
        RoleVerifier.checkType(targets, TargetsMetadata.TYPE, where);
        targets.targets().forEach((name, target) -> {
            if (target.custom() == null || target.hashes() == null || target.sha256() == null) {
                throw new VerificationException(where + ": target '" + name + "' lacks its sha256 or release manifest");
            }
        });
        if (!channel.equals(targets.channel())) {
            throw new VerificationException(where + ": signed for channel '" + targets.channel() + "', but this appliance follows '"
                    + channel + "': release from another channel refused");
        }
        if (targets.version() != expected.version()) {
            throw new VerificationException(where + ": version " + targets.version() + " differs from the version "
                    + expected.version() + " named by snapshot.json");
        }
        String trustedName = trustedTargetsName(channel);
        RoleVerifier.checkNotRolledBack(targets, trusted(trustedName, TargetsMetadata.class), where);
        RoleVerifier.checkNotExpired(targets, clock, where);
        AtomicFiles.write(trustedDir.resolve(trustedName), bytes);
        return targets;
    }

    /** The last verified targets of a channel, whatever their expiry, for showing what was known. */
    public Optional<TargetsMetadata> lastVerifiedTargets(String channel) throws IOException {
        return Optional.ofNullable(trusted(trustedTargetsName(channel), TargetsMetadata.class));
    }

    private static String trustedTargetsName(String channel) {
        return RepositoryPaths.requireChannel(channel) + ".targets.json";
    }

    private <T> T trusted(String name, Class<T> type) throws IOException {
        Path file = trustedDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        SignedEnvelope envelope = SignedEnvelope.parse(Files.readAllBytes(file), file.toString());
        return Json.convert(envelope.signed(), type, file.toString());
    }
}
