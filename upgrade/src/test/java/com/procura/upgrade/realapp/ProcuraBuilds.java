package com.procura.upgrade.realapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The real {@code procura.jar} the reactor built (version A), and later versions of it made by the test: the same jar
 * with another {@code Implementation-Version} (what {@code procura --version} and {@code /health/ready} report) and,
 * optionally, extra Flyway migrations under {@code db/migration/}.
 */
public final class ProcuraBuilds {

    private ProcuraBuilds() {
    }

    /** {@code webapp/target/procura.jar}, as the failsafe configuration names it. */
    public static Path builtJar() {
        String property = System.getProperty("procura.jar");
        if (property == null) {
            throw new IllegalStateException("system property procura.jar is not set: run through failsafe (mvn verify)");
        }
        Path jar = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the application first "
                    + "(mvn -B verify builds webapp before upgrade; alone: mvn -B -q package -DskipTests -pl idoc,webapp)");
        }
        return jar;
    }

    public static String versionOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    /**
     * Copies {@code base} to {@code dir/procura-VERSION.jar} with {@code version} in its manifest and each
     * {@code migrations} entry (file name to SQL) added to {@code db/migration/}. The zip file system rewrites only
     * those entries and copies the others as they are, which keeps this quick for a 30 MB jar.
     */
    public static Path variant(Path base, Path dir, String version, Map<String, String> migrations) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("procura-" + version + ".jar");
        Files.copy(base, target, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem jar = FileSystems.newFileSystem(target)) {
            Path manifestFile = jar.getPath("META-INF/MANIFEST.MF");
            Manifest manifest;
            try (InputStream in = Files.newInputStream(manifestFile)) {
                manifest = new Manifest(in);
            }
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            try (OutputStream out = Files.newOutputStream(manifestFile)) {
                manifest.write(out);
            }
            for (Map.Entry<String, String> migration : migrations.entrySet()) {
                Files.writeString(jar.getPath("db/migration", migration.getKey()), migration.getValue());
            }
        }
        return target;
    }
}
