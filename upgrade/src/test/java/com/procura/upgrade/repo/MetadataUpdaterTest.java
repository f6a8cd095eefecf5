package com.procura.upgrade.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.procura.upgrade.release.MetadataLifetimes;
import com.procura.upgrade.release.PublisherKeys;
import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.release.ReleasePublisher;
import com.procura.upgrade.testsupport.ReleaseRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataUpdaterTest {

    @TempDir
    Path temp;

    Path repo;
    SigningKey rootKey;
    PublisherKeys keys;
    Clock now = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void initRepository() throws Exception {
        repo = temp.resolve("repo");
        rootKey = SigningKey.generate();
        keys = new PublisherKeys(SigningKey.generate(), SigningKey.generate(), SigningKey.generate());
        publisher(now).initRepository(List.of(rootKey), 1, keys);
        Files.createDirectories(temp.resolve("appliance"));
        Files.copy(repo.resolve("root.json"), temp.resolve("appliance/root.json"));
    }

    private ReleasePublisher publisher(Clock clock) {
        return new ReleasePublisher(repo, clock, MetadataLifetimes.DEFAULT);
    }

    private MetadataUpdater updater(Clock clock) {
        return new MetadataUpdater(new FolderRepositorySource(repo), temp.resolve("appliance/root.json"), temp.resolve("trusted"), clock);
    }

    private Path bundle(String version) throws Exception {
        Path jar = temp.resolve("procura-" + version + ".jar");
        Files.writeString(jar, "jar " + version);
        Path bundle = temp.resolve("out/" + ReleaseBundle.fileName(version));
        ReleaseBundle.build(jar, new ReleaseManifest(version, "notes " + version, null, List.of()), bundle);
        return bundle;
    }

    @Test
    void publishedReleaseIsVerifiedOnItsChannelOnly() throws Exception {
        publisher(now).publish(bundle("1.0.0"), "feature", keys);

        assertThat(updater(now).refresh("feature").targets()).containsKey("procura-1.0.0.zip");
        assertThat(updater(now).refresh("live").targets()).isEmpty();
    }

    @Test
    void timestampPastItsExpiryIsReportedAsExpired() throws Exception {
        Clock twoDaysLater = Clock.offset(now, Duration.ofDays(2));

        assertThatThrownBy(() -> updater(twoDaysLater).refresh("live"))
                .isInstanceOf(MetadataExpiredException.class)
                .hasMessageContaining("timestamp.json (timestamp version 1) expired at 2026-06-02T10:00:00Z");
    }

    @Test
    void rootRotationIsFollowedAndRevokedOnlineKeysAreRefused() throws Exception {
        updater(now).refresh("live");
        SigningKey newRoot = SigningKey.generate();
        PublisherKeys newKeys = new PublisherKeys(SigningKey.generate(), SigningKey.generate(), SigningKey.generate());
        publisher(now).rotateRoot(List.of(rootKey), List.of(newRoot), 1, newKeys);

        assertThat(updater(now).refresh("live").version()).isEqualTo(2);
        assertThat(updater(now).trustedRoot().version()).isEqualTo(2);

        assertThatThrownBy(() -> publisher(now).publish(bundle("1.1.0"), "feature", keys))
                .hasMessageContaining("is not a targets key in root version 2");
    }

    @Test
    void rootSignedOnlyByTheNewKeyIsRefused() throws Exception {
        SigningKey intruder = SigningKey.generate();
        RootMetadata forged = new RootMetadata(RootMetadata.TYPE, 2, "2030-01-01T00:00:00Z",
                java.util.Map.of(intruder.keyId(), intruder.publicEntry()),
                java.util.Map.of("root", new RoleKeys(List.of(intruder.keyId()), 1), "targets", new RoleKeys(List.of(intruder.keyId()), 1),
                        "snapshot", new RoleKeys(List.of(intruder.keyId()), 1), "timestamp", new RoleKeys(List.of(intruder.keyId()), 1)));
        Files.write(repo.resolve("2.root.json"), MetadataSigner.sign(forged, List.of(intruder)));

        assertThatThrownBy(() -> updater(now).refresh("live"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("2.root.json (by the previous root keys): role root needs 1 valid signature(s)")
                .hasMessageContaining("signed by unknown or revoked key(s) [" + intruder.shortId() + "]");
    }

    @Test
    void olderTargetsAfterNewerOnesAreRefused() throws Exception {
        Path before = temp.resolve("before");
        copy(repo, before);
        publisher(now).publish(bundle("1.0.0"), "feature", keys);
        updater(now).refresh("feature");
        copy(before, repo);

        assertThatThrownBy(() -> updater(now).refresh("feature"))
                .hasMessageContaining("is older than the trusted version")
                .hasMessageContaining("rollback attack");
    }

    @Test
    void tamperedTargetsAreRefusedByTheSnapshotHash() throws Exception {
        publisher(now).publish(bundle("1.0.0"), "feature", keys);
        Path targets = repo.resolve("channels/live/targets.json");
        Files.copy(repo.resolve("channels/feature/targets.json"), targets, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> updater(now).refresh("live"))
                .hasMessageContaining("channels/live/targets.json: larger than the allowed");
    }

    private static void copy(Path from, Path to) throws Exception {
        ReleaseRepo.copyTree(from, to);
    }
}
