package com.procura.upgrade.appliance;

import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.repo.Sha256;
import com.procura.upgrade.repo.TargetFile;
import com.procura.upgrade.repo.VerificationException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks before anything changes: version strictly newer, free disk for bundle, installation and database snapshot,
 * and a downloaded bundle of exactly the signed length and sha256 whose release.json names the expected version.
 */
final class Preflight {

    private final ApplianceLayout layout;
    private final long diskReserveBytes;

    Preflight(ApplianceLayout layout, long diskReserveBytes) {
        this.layout = layout;
        this.diskReserveBytes = diskReserveBytes;
    }

    /** Returns the verified bundle in the downloads folder. */
    Path verifiedBundle(UpgradePlan.Hop hop, String installed, BundleFetcher fetcher) throws IOException {
        if (!ReleaseVersion.parse(hop.to()).isNewerThan(ReleaseVersion.parse(installed))) {
            throw new UpgradeRefusedException("release " + hop.to() + " is not newer than the installed " + installed
                    + ": downgrades are refused");
        }
        TargetFile target = hop.target();
        checkFreeDisk(target.length());
        Files.createDirectories(layout.downloadsDir());
        Path partial = layout.downloadsDir().resolve(hop.bundleName() + ".part");
        Files.deleteIfExists(partial);
        long received;
        try {
            received = fetcher.fetch(hop.bundleName(), partial, target.length());
        } catch (VerificationException e) {
            Files.deleteIfExists(partial);
            throw new UpgradeRefusedException("bundle " + hop.bundleName() + " refused: " + e.getMessage());
        }
        if (received != target.length()) {
            Files.deleteIfExists(partial);
            throw new UpgradeRefusedException("bundle " + hop.bundleName() + " refused: truncated download, received " + received
                    + " of the " + target.length() + " bytes signed in the channel targets");
        }
        String actual = Sha256.hex(partial);
        if (!actual.equals(target.sha256())) {
            Files.deleteIfExists(partial);
            throw new UpgradeRefusedException("bundle " + hop.bundleName() + " refused: sha256 " + actual
                    + " differs from the expected " + target.sha256() + " signed in the channel targets");
        }
        ReleaseManifest inside = ReleaseBundle.readManifest(partial);
        if (!inside.version().equals(hop.to())) {
            Files.deleteIfExists(partial);
            throw new UpgradeRefusedException("bundle " + hop.bundleName() + " refused: its release.json says version "
                    + inside.version() + ", the signed targets say " + hop.to());
        }
        Path verified = layout.downloadsDir().resolve(hop.bundleName());
        Files.move(partial, verified, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return verified;
    }

    private void checkFreeDisk(long bundleLength) throws IOException {
        Files.createDirectories(layout.downloadsDir());
        Files.createDirectories(layout.releasesDir());
        if (!Files.isDirectory(layout.snapshotsDir())) {
            Files.createDirectories(layout.snapshotsDir(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        long snapshotEstimate = sizeOf(layout.databaseDir());
        Map<FileStore, Long> need = new LinkedHashMap<>();
        Map<FileStore, Path> where = new LinkedHashMap<>();
        add(need, where, layout.downloadsDir(), bundleLength);
        add(need, where, layout.releasesDir(), bundleLength);
        add(need, where, layout.snapshotsDir(), snapshotEstimate);
        for (Map.Entry<FileStore, Long> entry : need.entrySet()) {
            long required = entry.getValue() + diskReserveBytes;
            long free = entry.getKey().getUsableSpace();
            if (free < required) {
                throw new UpgradeRefusedException("not enough free disk at " + where.get(entry.getKey()) + ": need " + required
                        + " bytes (bundle " + bundleLength + ", installation " + bundleLength + ", database snapshot "
                        + snapshotEstimate + ", reserve " + diskReserveBytes + "; summed per file system), " + free + " free");
            }
        }
    }

    private static void add(Map<FileStore, Long> need, Map<FileStore, Path> where, Path dir, long bytes) throws IOException {
        FileStore store = Files.getFileStore(dir);
        need.merge(store, bytes, Long::sum);
        where.putIfAbsent(store, dir);
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
