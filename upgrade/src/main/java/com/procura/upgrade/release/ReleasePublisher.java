package com.procura.upgrade.release;

import com.procura.upgrade.repo.PublicKeyEntry;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.RepositoryPaths;
import com.procura.upgrade.repo.Role;
import com.procura.upgrade.repo.RoleKeys;
import com.procura.upgrade.repo.RootMetadata;
import com.procura.upgrade.repo.Sha256;
import com.procura.upgrade.repo.SigningKey;
import com.procura.upgrade.repo.TargetFile;
import com.procura.upgrade.repo.TargetsMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Publishes bundles to the {@code feature} channel and promotes the very same bytes to pre-release and live. */
public final class ReleasePublisher {

    private final RepositoryFolder repository;

    public ReleasePublisher(Path repositoryDir, Clock clock, MetadataLifetimes lifetimes) {
        this.repository = new RepositoryFolder(repositoryDir, clock, lifetimes);
    }

    /** Creates root version 1 naming the root keys and the online keys, and empty, signed channels. */
    public RootMetadata initRepository(List<SigningKey> rootKeys, int rootThreshold, PublisherKeys keys) throws IOException {
        if (repository.initialised()) {
            throw new IOException(repository.file(RepositoryPaths.ROOT) + " already exists: the repository is initialised");
        }
        RootMetadata root = rootMetadata(1, rootKeys, rootThreshold, keys);
        repository.writeRoot(root, rootKeys);
        Map<String, TargetsMetadata> channels = new HashMap<>();
        for (String channel : RepositoryPaths.CHANNELS) {
            channels.put(channel, new TargetsMetadata(TargetsMetadata.TYPE, 1, repository.expiry(Role.TARGETS), channel, Map.of()));
        }
        repository.writeTargetsSnapshotTimestamp(channels, keys);
        return root;
    }

    /** Copies the bundle into {@code bundles/} and lists it on {@code channel}; returns its targets entry. */
    public TargetFile publish(Path bundle, String channel, PublisherKeys keys) throws IOException {
        requireKeysInRoot(keys);
        ReleaseManifest manifest = ReleaseBundle.readManifest(bundle);
        String name = ReleaseBundle.fileName(manifest.version());
        TargetFile entry = new TargetFile(Files.size(bundle), Map.of("sha256", Sha256.hex(bundle)), manifest);
        Path stored = repository.file(RepositoryPaths.bundle(name));
        if (Files.exists(stored)) {
            String storedHash = Sha256.hex(stored);
            if (!storedHash.equals(entry.sha256())) {
                throw new IOException(stored + " already holds release " + manifest.version() + " with sha256 " + storedHash
                        + ", the new bundle has " + entry.sha256() + ": a published release is never rebuilt, publish a new version");
            }
        } else {
            Files.createDirectories(stored.getParent());
            Path temp = stored.resolveSibling("." + name + ".tmp");
            Files.copy(bundle, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, stored, StandardCopyOption.ATOMIC_MOVE);
        }
        TargetsMetadata current = repository.targets(channel);
        Map<String, TargetFile> targets = new HashMap<>(current.targets());
        targets.put(name, entry);
        repository.writeTargetsSnapshotTimestamp(Map.of(channel, next(current, targets)), keys);
        return entry;
    }

    /** Lists the bundle of {@code version} from {@code from} on the next more stable channel, byte for byte. */
    public TargetFile promote(String version, String from, String to, PublisherKeys keys) throws IOException {
        requireKeysInRoot(keys);
        if (RepositoryPaths.stability(to) != RepositoryPaths.stability(from) + 1) {
            throw new IllegalArgumentException("promotion goes one step up feature -> pre-release -> live; '" + from + "' -> '"
                    + to + "' is not such a step");
        }
        String name = ReleaseBundle.fileName(version);
        TargetFile entry = repository.targets(from).targets().get(name);
        if (entry == null) {
            throw new IllegalArgumentException("release " + version + " is not on channel '" + from + "' ("
                    + repository.file(RepositoryPaths.targets(from)) + " lists " + repository.targets(from).targets().keySet() + ")");
        }
        Path stored = repository.file(RepositoryPaths.bundle(name));
        String actual = Sha256.hex(stored);
        if (!actual.equals(entry.sha256()) || Files.size(stored) != entry.length()) {
            throw new IOException(stored + ": sha256 " + actual + " (" + Files.size(stored) + " bytes) differs from "
                    + entry.sha256() + " (" + entry.length() + " bytes) signed on channel '" + from + "'; refusing to promote");
        }
        TargetsMetadata current = repository.targets(to);
        Map<String, TargetFile> targets = new HashMap<>(current.targets());
        targets.put(name, entry);
        repository.writeTargetsSnapshotTimestamp(Map.of(to, next(current, targets)), keys);
        return entry;
    }

    /** Signs a new timestamp (run regularly, e.g. hourly, so appliances can tell a live repository from a frozen one). */
    public void refreshTimestamp(PublisherKeys keys) throws IOException {
        requireKeysInRoot(keys);
        repository.writeTimestamp(keys.timestamp());
    }

    /**
     * Writes root version N+1 naming {@code newRootKeys} and the keys now in the publisher key folder, signed by the
     * current root keys and the new ones; then re-signs every channel, snapshot and timestamp with the new online keys.
     */
    public RootMetadata rotateRoot(List<SigningKey> currentRootKeys, List<SigningKey> newRootKeys, int newThreshold,
                                   PublisherKeys keys) throws IOException {
        RootMetadata current = repository.root();
        RoleKeys currentRootRole = current.role(Role.ROOT, repository.file(RepositoryPaths.ROOT).toString());
        long presentOldKeys = currentRootKeys.stream().filter(k -> currentRootRole.keyids().contains(k.keyId())).count();
        if (presentOldKeys < currentRootRole.threshold()) {
            throw new IllegalArgumentException("rotating root version " + current.version() + " needs " + currentRootRole.threshold()
                    + " of its root keys " + currentRootRole.keyids() + "; given keys " + ids(currentRootKeys) + " provide " + presentOldKeys);
        }
        RootMetadata next = rootMetadata(current.version() + 1, newRootKeys, newThreshold, keys);
        Set<SigningKey> signers = new LinkedHashSet<>(currentRootKeys);
        signers.addAll(newRootKeys);
        repository.writeRoot(next, new ArrayList<>(signers));
        Map<String, TargetsMetadata> channels = new HashMap<>();
        for (String channel : RepositoryPaths.CHANNELS) {
            TargetsMetadata targets = repository.targets(channel);
            channels.put(channel, next(targets, targets.targets()));
        }
        repository.writeTargetsSnapshotTimestamp(channels, keys);
        return next;
    }

    private RootMetadata rootMetadata(long version, List<SigningKey> rootKeys, int rootThreshold, PublisherKeys keys) {
        Map<String, PublicKeyEntry> publicKeys = new HashMap<>();
        Map<String, RoleKeys> roles = new HashMap<>();
        rootKeys.forEach(k -> publicKeys.put(k.keyId(), k.publicEntry()));
        roles.put(Role.ROOT.id(), new RoleKeys(ids(rootKeys), rootThreshold));
        for (Role role : List.of(Role.TARGETS, Role.SNAPSHOT, Role.TIMESTAMP)) {
            SigningKey key = keys.forRole(role);
            publicKeys.put(key.keyId(), key.publicEntry());
            roles.put(role.id(), new RoleKeys(List.of(key.keyId()), 1));
        }
        return new RootMetadata(RootMetadata.TYPE, version, repository.expiry(Role.ROOT), publicKeys, roles);
    }

    private void requireKeysInRoot(PublisherKeys keys) throws IOException {
        RootMetadata root = repository.root();
        for (Role role : List.of(Role.TARGETS, Role.SNAPSHOT, Role.TIMESTAMP)) {
            SigningKey key = keys.forRole(role);
            if (!root.role(role, "root.json").keyids().contains(key.keyId())) {
                throw new IllegalArgumentException("the " + role.id() + " key " + key.shortId() + " is not a " + role.id()
                        + " key in root version " + root.version() + " of " + repository.dir() + " (revoked or from another repository)");
            }
        }
    }

    private TargetsMetadata next(TargetsMetadata current, Map<String, TargetFile> targets) {
        return new TargetsMetadata(TargetsMetadata.TYPE, current.version() + 1, repository.expiry(Role.TARGETS), current.channel(), targets);
    }

    private static List<String> ids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::keyId).distinct().toList();
    }
}
