package com.procura.upgrade.release;

import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.ReleaseManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The release bundle format: a zip holding {@code procura.jar} and {@code release.json}. */
public final class ReleaseBundle {

    public static final String JAR = "procura.jar";
    public static final String MANIFEST = "release.json";
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private ReleaseBundle() {
    }

    public static String fileName(String version) {
        return "procura-" + version + ".zip";
    }

    /** Writes a bundle with fixed entry times, so the same inputs always give the same bytes. */
    public static void build(Path jar, ReleaseManifest manifest, Path bundle) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("application jar " + jar + " does not exist");
        }
        Files.createDirectories(bundle.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(bundle); ZipOutputStream zip = new ZipOutputStream(file)) {
            putEntry(zip, MANIFEST, Json.pretty(manifest));
            putEntry(zip, JAR, Files.readAllBytes(jar));
        }
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        entry.setCreationTime(FIXED_TIME);
        entry.setLastAccessTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    public static ReleaseManifest readManifest(Path bundle) throws IOException {
        try (ZipFile zip = open(bundle)) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IOException("bundle " + bundle + " has no " + MANIFEST);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Json.read(in.readAllBytes(), ReleaseManifest.class, bundle + "!/" + MANIFEST);
            } catch (IllegalArgumentException e) {
                throw new IOException(bundle + "!/" + MANIFEST + ": " + e.getMessage(), e);
            }
        }
    }

    /** Extracts exactly the jar and the manifest into {@code dir}; other entries are refused. */
    public static void extract(Path bundle, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipFile zip = open(bundle)) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().equals(JAR) && !entry.getName().equals(MANIFEST)) {
                    throw new IOException("bundle " + bundle + " contains unexpected entry '" + entry.getName() + "'");
                }
                Path file = dir.resolve(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                // The entry's fixed time, not the time of extraction: a class-data-sharing archive made for this jar stays valid.
                Files.setLastModifiedTime(file, entry.getLastModifiedTime());
            }
        }
        if (!Files.isRegularFile(dir.resolve(JAR))) {
            throw new IOException("bundle " + bundle + " has no " + JAR);
        }
    }

    private static ZipFile open(Path bundle) throws IOException {
        try {
            return new ZipFile(bundle.toFile());
        } catch (IOException e) {
            throw new IOException("bundle " + bundle + " is not a readable zip: " + e.getMessage(), e);
        }
    }
}
