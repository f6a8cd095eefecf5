package com.procura.upgrade.cli;

import com.procura.upgrade.release.MetadataLifetimes;
import com.procura.upgrade.release.PublisherKeys;
import com.procura.upgrade.release.ReleaseBundle;
import com.procura.upgrade.release.ReleasePublisher;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.repo.RootMetadata;
import com.procura.upgrade.repo.SigningKey;
import com.procura.upgrade.repo.TargetFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procura-release}: builds bundles, keeps the signed channel repository, promotes releases between channels. */
@Command(name = "procura-release", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Builds, publishes and promotes signed Procura release bundles.",
        subcommands = {ReleaseMain.Keygen.class, ReleaseMain.Bundle.class, ReleaseMain.InitRepo.class, ReleaseMain.Publish.class,
                ReleaseMain.Promote.class, ReleaseMain.RefreshTimestamp.class, ReleaseMain.RotateRoot.class})
public final class ReleaseMain {

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    ReleaseMain(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    /** The command line with a clock; tests pass a clock in the past to produce expired metadata. */
    public static CommandLine commandLine(Clock clock) {
        CommandLine commandLine = new CommandLine(new ReleaseMain(clock));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    abstract static class RepositoryCommand implements Callable<Integer> {
        @ParentCommand
        ReleaseMain parent;

        @Option(names = "--repo", required = true, paramLabel = "DIR", description = "channel repository folder")
        Path repo;

        @Option(names = "--timestamp-lifetime", paramLabel = "DURATION", defaultValue = "PT24H",
                description = "validity of the signed timestamp, ISO-8601 (default: ${DEFAULT-VALUE})")
        Duration timestampLifetime;

        ReleasePublisher publisher() {
            return new ReleasePublisher(repo, parent.clock, MetadataLifetimes.DEFAULT.withTimestamp(timestampLifetime));
        }

        PrintWriter out() {
            return parent.spec.commandLine().getOut();
        }
    }

    abstract static class OnlineKeysCommand extends RepositoryCommand {
        @Option(names = "--keys", required = true, paramLabel = "DIR",
                description = "folder with targets.key, snapshot.key and timestamp.key")
        Path keys;

        PublisherKeys publisherKeys() throws IOException {
            return PublisherKeys.load(keys);
        }
    }

    @Command(name = "keygen", description = "Writes a new Ed25519 key file (mode 0600) and prints its key id.")
    static final class Keygen implements Callable<Integer> {
        @ParentCommand
        ReleaseMain parent;

        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

        @Override
        public Integer call() throws IOException {
            SigningKey key = SigningKey.generate();
            key.save(out);
            parent.spec.commandLine().getOut().println("wrote " + out + " key id " + key.keyId());
            return 0;
        }
    }

    @Command(name = "bundle", description = "Turns a built procura.jar into a release bundle procura-VERSION.zip.")
    static final class Bundle implements Callable<Integer> {
        @ParentCommand
        ReleaseMain parent;

        @Option(names = "--jar", required = true, paramLabel = "FILE") Path jar;
        @Option(names = "--notes-file", paramLabel = "FILE", description = "release notes (plain text)") Path notesFile;
        @Option(names = "--notes", paramLabel = "TEXT", description = "release notes given inline") String notes;
        @Option(names = "--min-upgrade-from", paramLabel = "VERSION") String minUpgradeFrom;
        @Option(names = "--required-stop", paramLabel = "VERSION") List<String> requiredStops = new ArrayList<>();
        @Option(names = "--out", required = true, paramLabel = "DIR") Path outDir;

        @Override
        public Integer call() throws Exception {
            String version = jarVersion(jar);
            String text = notesFile != null ? Files.readString(notesFile) : notes == null ? "" : notes;
            ReleaseManifest manifest = new ReleaseManifest(version, text, minUpgradeFrom, requiredStops);
            Path bundle = outDir.resolve(ReleaseBundle.fileName(version));
            ReleaseBundle.build(jar, manifest, bundle);
            parent.spec.commandLine().getOut().println("wrote " + bundle + " (version " + version + ", " + Files.size(bundle) + " bytes)");
            return 0;
        }

        private static String jarVersion(Path jar) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--version").redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'java -jar " + jar + " --version' did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.exitValue() != 0 || output.isEmpty()) {
                throw new IOException("'java -jar " + jar + " --version' exited " + process.exitValue() + ": " + output);
            }
            // "procura 1.2.0" on the first line; the real application adds the Java version on a second one.
            String first = output.lines().findFirst().orElse("");
            if (!first.startsWith("procura ")) {
                throw new IOException("'java -jar " + jar + " --version' printed '" + output + "', expected 'procura VERSION' first");
            }
            String version = first.substring("procura ".length()).strip();
            ReleaseVersion.parse(version);
            return version;
        }
    }

    @Command(name = "init-repo", description = "Creates root version 1 (signed offline) and empty signed channels.")
    static final class InitRepo extends OnlineKeysCommand {
        @Option(names = "--root-key", required = true, paramLabel = "FILE", description = "offline root key file(s)")
        List<Path> rootKeys;

        @Option(names = "--root-threshold", defaultValue = "1") int rootThreshold;

        @Override
        public Integer call() throws IOException {
            RootMetadata root = publisher().initRepository(load(rootKeys), rootThreshold, publisherKeys());
            out().println("initialised " + repo + ": root version " + root.version() + ", expires " + root.expires()
                    + "; copy " + repo.resolve("root.json") + " to /etc/procura/trust/root.json on appliances");
            return 0;
        }
    }

    @Command(name = "publish", description = "Publishes a bundle to a channel (normally feature).")
    static final class Publish extends OnlineKeysCommand {
        @Option(names = "--channel", defaultValue = "feature") String channel;
        @Parameters(paramLabel = "BUNDLE") Path bundle;

        @Override
        public Integer call() throws IOException {
            TargetFile entry = publisher().publish(bundle, channel, publisherKeys());
            out().println("published " + entry.custom().version() + " to " + channel + ": sha256 " + entry.sha256() + ", "
                    + entry.length() + " bytes");
            return 0;
        }
    }

    @Command(name = "promote", description = "Promotes the same bundle, byte for byte, one channel up.")
    static final class Promote extends OnlineKeysCommand {
        @Option(names = "--from", required = true) String from;
        @Option(names = "--to", required = true) String to;
        @Parameters(paramLabel = "VERSION") String version;

        @Override
        public Integer call() throws IOException {
            TargetFile entry = publisher().promote(version, from, to, publisherKeys());
            out().println("promoted " + version + " from " + from + " to " + to + ": sha256 " + entry.sha256());
            return 0;
        }
    }

    @Command(name = "refresh-timestamp", description = "Signs a fresh timestamp; run it regularly (cron / systemd timer).")
    static final class RefreshTimestamp extends OnlineKeysCommand {
        @Override
        public Integer call() throws IOException {
            publisher().refreshTimestamp(publisherKeys());
            out().println("timestamp refreshed in " + repo + ", valid for " + timestampLifetime);
            return 0;
        }
    }

    @Command(name = "rotate-root", description = "Writes the next root version signed by the current and the new root keys.")
    static final class RotateRoot extends OnlineKeysCommand {
        @Option(names = "--root-key", required = true, paramLabel = "FILE", description = "current root key file(s)")
        List<Path> rootKeys;

        @Option(names = "--new-root-key", paramLabel = "FILE", description = "new root key file(s); default: keep the current ones")
        List<Path> newRootKeys;

        @Option(names = "--root-threshold", defaultValue = "1") int rootThreshold;

        @Override
        public Integer call() throws IOException {
            List<SigningKey> current = load(rootKeys);
            List<SigningKey> next = newRootKeys == null ? current : load(newRootKeys);
            RootMetadata root = publisher().rotateRoot(current, next, rootThreshold, publisherKeys());
            out().println("root version " + root.version() + " written (" + repo.resolve(root.version() + ".root.json")
                    + "); root keys " + root.roles().get("root").keyids() + ", online keys from " + keys);
            return 0;
        }
    }

    static List<SigningKey> load(List<Path> files) throws IOException {
        List<SigningKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.add(SigningKey.load(file));
        }
        return keys;
    }
}
