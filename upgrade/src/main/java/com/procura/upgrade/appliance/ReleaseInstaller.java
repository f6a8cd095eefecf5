package com.procura.upgrade.appliance;

import com.procura.upgrade.release.ReleaseBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Installs a verified bundle side by side and checks that its jar starts and reports the expected version. */
final class ReleaseInstaller {

    private static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final InstalledReleases releases;
    private final List<String> java;

    ReleaseInstaller(InstalledReleases releases, List<String> java) {
        this.releases = releases;
        this.java = List.copyOf(java);
    }

    /** Extracts into a staging folder, runs {@code java -jar procura.jar --version}, then renames into place. */
    void install(Path bundle, String version) throws IOException {
        Path staging = releases.stagingDir(version);
        InstalledReleases.deleteTree(staging);
        ReleaseBundle.extract(bundle, staging);
        Path jar = staging.resolve(ReleaseBundle.JAR);
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("-jar", jar.toString(), "--version"));
        ShellCommands.Result result = ShellCommands.execute(command, Map.of(),
                VERSION_CHECK_TIMEOUT, "java -jar " + jar + " --version");
        if (result.exitCode() != 0 || !result.output().contains(version)) {
            InstalledReleases.deleteTree(staging);
            throw new UpgradeRefusedException("bundle for " + version + " does not start: 'java -jar procura.jar --version' exited "
                    + result.exitCode() + " with output '" + ShellCommands.tail(result.output()) + "', expected it to print " + version);
        }
        Path target = releases.stagingDir(version).resolveSibling(version);
        InstalledReleases.deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
