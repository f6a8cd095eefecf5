package com.procura.upgrade.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.cli.ReleaseMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A channel repository driven through {@code procura-release}, with keys generated in a temporary folder. */
public final class ReleaseRepo {

    public final Path dir;
    public final Path keys;
    public final Path rootKey;
    private final Path work;
    private final FakeProcuraApp app;
    private Clock clock = Clock.systemUTC();

    private ReleaseRepo(Path base, FakeProcuraApp app) {
        this.dir = base.resolve("repo");
        this.keys = base.resolve("publisher-keys");
        this.rootKey = base.resolve("offline/root.key");
        this.work = base.resolve("build");
        this.app = app;
    }

    /** A repository for bundles of real jars ({@link #bundleJar}). */
    public static ReleaseRepo create(Path base) {
        return create(base, null, Clock.systemUTC());
    }

    public static ReleaseRepo create(Path base, FakeProcuraApp app) {
        return create(base, app, Clock.systemUTC());
    }

    public static ReleaseRepo create(Path base, FakeProcuraApp app, Clock clock) {
        ReleaseRepo repo = new ReleaseRepo(base, app);
        repo.clock = clock;
        repo.ok("keygen", "--out", repo.rootKey.toString());
        for (String role : List.of("targets", "snapshot", "timestamp")) {
            repo.ok("keygen", "--out", repo.keys.resolve(role + ".key").toString());
        }
        repo.ok("init-repo", "--repo", repo.dir.toString(), "--root-key", repo.rootKey.toString(), "--keys", repo.keys.toString());
        return repo;
    }

    public CliResult release(String... args) {
        return CliResult.run(ReleaseMain.commandLine(clock), args);
    }

    public String ok(String... args) {
        CliResult result = release(args);
        assertThat(result.exitCode()).as("procura-release %s: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    /** Builds a bundle with {@code procura-release bundle}; extra arguments such as --min-upgrade-from are passed on. */
    public Path bundle(String version, FakeProcuraApp.Behaviour behaviour, String... extra) throws IOException {
        Path jar = app.jar(work.resolve("jars"), version, behaviour);
        Path out = work.resolve("bundles-" + behaviour.name().toLowerCase());
        List<String> args = new ArrayList<>(List.of("bundle", "--jar", jar.toString(), "--notes", "Procura " + version
                + ": faster order confirmations", "--out", out.toString()));
        args.addAll(List.of(extra));
        ok(args.toArray(String[]::new));
        return out.resolve("procura-" + version + ".zip");
    }

    /** Bundles a given jar with {@code procura-release bundle}, which takes the version from {@code --version}. */
    public Path bundleJar(Path jar, String notes, String... extra) throws IOException {
        Path out = work.resolve("bundles");
        List<String> args = new ArrayList<>(List.of("bundle", "--jar", jar.toString(), "--notes", notes, "--out", out.toString()));
        args.addAll(List.of(extra));
        String output = ok(args.toArray(String[]::new));
        return Path.of(output.substring(output.indexOf("wrote ") + 6, output.indexOf(" (version")));
    }

    public void publish(Path bundle, String channel) {
        publish(dir, bundle, channel);
    }

    /** Publishes into another folder (a copy of this repository) with this repository's keys. */
    public void publish(Path repository, Path bundle, String channel) {
        ok("publish", "--repo", repository.toString(), "--keys", keys.toString(), "--channel", channel, bundle.toString());
    }

    public void promote(String version, String from, String to) {
        ok("promote", "--repo", dir.toString(), "--keys", keys.toString(), "--from", from, "--to", to, version);
    }

    /** Publishes to feature and promotes through pre-release to live. */
    public void publishToLive(Path bundle, String version) {
        publish(bundle, "feature");
        promote(version, "feature", "pre-release");
        promote(version, "pre-release", "live");
    }

    public Path copyTo(Path target) throws IOException {
        return copyTree(dir, target);
    }

    public static Path copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path dest = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(path, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
