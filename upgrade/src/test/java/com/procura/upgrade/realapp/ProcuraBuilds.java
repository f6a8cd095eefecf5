package com.procura.upgrade.realapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
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
     * {@code migrations} entry (file name to SQL) added to {@code db/migration/}.
     */
    public static Path variant(Path base, Path dir, String version, Map<String, String> migrations) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("procura-" + version + ".jar");
        try (InputStream in = Files.newInputStream(base); JarInputStream source = new JarInputStream(in);
             OutputStream out = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = source.getNextJarEntry(); entry != null; entry = source.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    source.transferTo(jar);
                    jar.closeEntry();
                }
                for (Map.Entry<String, String> migration : migrations.entrySet()) {
                    jar.putNextEntry(new JarEntry("db/migration/" + migration.getKey()));
                    jar.write(migration.getValue().getBytes(StandardCharsets.UTF_8));
                    jar.closeEntry();
                }
            }
        }
        return target;
    }
}
