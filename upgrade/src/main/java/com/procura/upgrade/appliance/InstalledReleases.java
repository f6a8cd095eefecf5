package com.procura.upgrade.appliance;

import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.ReleaseManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

/** The side-by-side release folders and the {@code current} symlink that selects the running one. */
public final class InstalledReleases {

    private final ApplianceLayout layout;

    public InstalledReleases(ApplianceLayout layout) {
        this.layout = layout;
    }

    /** The version {@code current} points at. */
    public String currentVersion() throws IOException {
        Path link = layout.currentLink();
        if (!Files.isSymbolicLink(link)) {
            throw new IOException(link + " is not a symlink to a release folder: no release is installed");
        }
        return Files.readSymbolicLink(link).getFileName().toString();
    }

    public Optional<ReleaseManifest> manifest(String version) throws IOException {
        Path file = layout.releaseDir(version).resolve(ReleaseBundle.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(Files.readAllBytes(file), ReleaseManifest.class, file.toString()));
    }

    public boolean isInstalled(String version) {
        return Files.isRegularFile(layout.releaseDir(version).resolve(ReleaseBundle.JAR));
    }

    /** Switches {@code current} to the release folder of {@code version} by renaming a new link over it. */
    public void switchTo(String version) throws IOException {
        if (!isInstalled(version)) {
            throw new IOException("release folder " + layout.releaseDir(version) + " has no " + ReleaseBundle.JAR);
        }
        AtomicFiles.switchSymlink(layout.currentLink(), Path.of("releases", version));
    }

    public Path stagingDir(String version) {
        return layout.releasesDir().resolve("." + version + ".staging");
    }

    /** Removes an uncommitted release folder and its staging folder. */
    public void remove(String version) throws IOException {
        deleteTree(stagingDir(version));
        deleteTree(layout.releaseDir(version));
    }

    /** Removes every release folder except the given versions (the running one and the one to roll back to). */
    public List<String> pruneExcept(Set<String> keep) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(layout.releasesDir())) {
            return removed;
        }
        try (Stream<Path> dirs = Files.list(layout.releasesDir())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(".") && !keep.contains(name)) {
                    deleteTree(dir);
                    removed.add(name);
                }
            }
        }
        return removed;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
