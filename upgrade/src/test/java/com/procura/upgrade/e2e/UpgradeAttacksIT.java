package com.procura.upgrade.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.SigningKey;
import com.procura.upgrade.testsupport.CliResult;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.MetadataForger;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every attack is refused with a clear message, nothing is installed and the running release keeps running. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeAttacksIT {

    private static final String BUNDLE_110 = "bundles/procura-1.1.0.zip";

    @TempDir
    static Path temp;

    FakeProcuraApp app;
    TlsMaterial tls;
    ReleaseRepo repo;
    Path bundle100;
    int copies;

    @BeforeAll
    void publishReleases() throws Exception {
        app = FakeProcuraApp.compile();
        tls = TlsMaterial.generate(temp.resolve("tls"));
        repo = ReleaseRepo.create(temp.resolve("publisher"), app);
        bundle100 = repo.bundle("1.0.0", Behaviour.HEALTHY);
        repo.publishToLive(bundle100, "1.0.0");
        repo.publishToLive(repo.bundle("1.1.0", Behaviour.HEALTHY), "1.1.0");
    }

    /** A private copy of the repository (the "mirror" the attacker controls) and an appliance at 1.0.0 following it. */
    private TestAppliance applianceOnMirror(Path mirror, Map<String, String> settings) throws Exception {
        return TestAppliance.install(temp.resolve("appliance-" + copies), mirror, bundle100, "live", tls, settings);
    }

    private Path mirror() throws Exception {
        return repo.copyTo(temp.resolve("mirror-" + ++copies));
    }

    private static void assertRefused(CliResult result, String... reasons) {
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("REFUSED").contains(reasons);
    }

    @Test
    void bundleWithADifferentHashIsRefused() throws Exception {
        Path mirror = mirror();
        try (RandomAccessFile file = new RandomAccessFile(mirror.resolve(BUNDLE_110).toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xFF);
        }
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            assertRefused(appliance.upgrade("apply"), "procura-1.1.0.zip refused: sha256 ", "differs from the expected");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void truncatedDownloadIsRefused() throws Exception {
        Path mirror = mirror();
        byte[] bundle = Files.readAllBytes(mirror.resolve(BUNDLE_110));
        Files.write(mirror.resolve(BUNDLE_110), java.util.Arrays.copyOf(bundle, bundle.length - 100));
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            assertRefused(appliance.upgrade("apply"), "truncated download, received " + (bundle.length - 100) + " of the " + bundle.length);
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void bundleLongerThanSignedIsRefusedWhileDownloading() throws Exception {
        Path mirror = mirror();
        Files.write(mirror.resolve(BUNDLE_110), new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            assertRefused(appliance.upgrade("apply"), "download exceeds the", "bytes recorded in targets metadata");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void metadataSignedByAnUnknownKeyIsRefused() throws Exception {
        Path mirror = mirror();
        SigningKey attacker = SigningKey.generate();
        MetadataForger.resignTimestamp(mirror, attacker);
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            assertRefused(appliance.upgrade("apply"), "timestamp.json: role timestamp needs 1 valid signature(s)",
                    "signed by unknown or revoked key(s) [" + attacker.shortId() + "]");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void keysRevokedByARootRotationAreRefusedAndTheNewRootIsFollowed() throws Exception {
        Path mirror = mirror();
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            Path newKeys = temp.resolve("rotated-keys");
            Path newRoot = temp.resolve("offline-2/root.key");
            repo.ok("keygen", "--out", newRoot.toString());
            for (String role : List.of("targets", "snapshot", "timestamp")) {
                repo.ok("keygen", "--out", newKeys.resolve(role + ".key").toString());
            }
            String rotated = repo.ok("rotate-root", "--repo", mirror.toString(), "--keys", newKeys.toString(),
                    "--root-key", repo.rootKey.toString(), "--new-root-key", newRoot.toString());
            assertThat(rotated).contains("root version 2 written");
            assertThat(appliance.upgrade("check").output()).contains("offered:     1.1.0");
            assertThat(appliance.layout.trustedMetadataDir().resolve("root.json")).content().contains("\"version\" : 2");

            CliResult oldKeyPublish = repo.release("refresh-timestamp", "--repo", mirror.toString(), "--keys", repo.keys.toString());
            assertThat(oldKeyPublish.exitCode()).isEqualTo(1);
            assertThat(oldKeyPublish.output()).contains("is not a targets key in root version 2");

            MetadataForger.resignTimestamp(mirror, SigningKey.load(repo.keys.resolve("timestamp.key")));
            assertRefused(appliance.upgrade("apply"), "needs 1 valid signature(s) from the keys named in root version 2",
                    "signed by unknown or revoked key(s)");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void expiredTimestampMeansUpdatesCannotBeVerifiedWhileTheAppKeepsRunning() throws Exception {
        Path mirror = mirror();
        repo.ok("refresh-timestamp", "--repo", mirror.toString(), "--keys", repo.keys.toString(), "--timestamp-lifetime", "PT1S");
        Thread.sleep(1100);
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            CliResult status = appliance.upgrade("status");
            assertThat(status.exitCode()).isZero();
            assertThat(status.output()).contains("updates:     NOT AVAILABLE - updates cannot be verified", "timestamp.json",
                    "expired at", "the installed release keeps running");
            assertRefused(appliance.upgrade("apply"), "updates cannot be verified");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void olderMetadataOfferedAfterNewerIsRefusedAsRollbackAttack() throws Exception {
        Path mirror = mirror();
        Path frozenCopy = ReleaseRepo.copyTree(mirror, temp.resolve("frozen-" + copies));
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            repo.publish(mirror, repo.bundle("1.1.1", Behaviour.HEALTHY), "feature");
            assertThat(appliance.upgrade("check").exitCode()).isZero();
            ReleaseRepo.copyTree(frozenCopy, mirror);

            assertRefused(appliance.upgrade("apply"), "timestamp.json: version", "is older than the trusted version",
                    "rollback attack");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void bundleFromAnotherChannelIsRefusedOnImport() throws Exception {
        Path mirror = mirror();
        Path featureOnly = repo.bundle("1.2.0", Behaviour.HEALTHY);
        repo.publish(mirror, featureOnly, "feature");
        try (TestAppliance appliance = applianceOnMirror(mirror, Map.of())) {
            assertRefused(appliance.upgrade("import", mirror.resolve("bundles/procura-1.2.0.zip").toString()),
                    "is not a release of channel 'live'", "release from another channel");
            appliance.assertRunningUnchanged("1.0.0");

            CliResult imported = appliance.upgrade("import", mirror.resolve(BUNDLE_110).toString());
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(appliance.readyVersion()).contains("1.1.0");
        }
    }

    @Test
    void notEnoughFreeDiskIsRefusedInPreflight() throws Exception {
        try (TestAppliance appliance = applianceOnMirror(mirror(), Map.of("disk.reserve.bytes", String.valueOf(Long.MAX_VALUE / 4)))) {
            assertRefused(appliance.upgrade("apply"), "not enough free disk at", "database snapshot", "reserve");
            appliance.assertRunningUnchanged("1.0.0");
        }
    }

    @Test
    void bundleThatDoesNotStartIsRefusedAndMarkedBad() throws Exception {
        Path mirror = mirror();
        Path brokenJar = temp.resolve("broken/procura.jar");
        Files.createDirectories(brokenJar.getParent());
        Files.writeString(brokenJar, "this is not a jar");
        Path broken = temp.resolve("broken/procura-1.2.0.zip");
        ReleaseBundle.build(brokenJar, new ReleaseManifest("1.2.0", "broken build", null, List.of()), broken);
        repo.publish(mirror, broken, "feature");
        repo.ok("promote", "--repo", mirror.toString(), "--keys", repo.keys.toString(), "--from", "feature", "--to", "pre-release", "1.2.0");
        repo.ok("promote", "--repo", mirror.toString(), "--keys", repo.keys.toString(), "--from", "pre-release", "--to", "live", "1.2.0");
        try (TestAppliance appliance = TestAppliance.install(temp.resolve("appliance-broken"), mirror,
                repo.bundle("1.1.0", Behaviour.HEALTHY), "live", tls, Map.of())) {
            assertRefused(appliance.upgrade("apply"), "bundle for 1.2.0 does not start", "expected it to print 1.2.0");
            appliance.assertRunningUnchanged("1.1.0");
            assertThat(appliance.upgrade("check").output()).contains("not offered: 1.2.0 - marked bad on this appliance");
        }
    }
}
