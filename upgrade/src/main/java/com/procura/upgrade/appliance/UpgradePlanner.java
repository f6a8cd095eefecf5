package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.repo.TargetFile;
import com.procura.upgrade.repo.TargetsMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes upgrade hops: only strictly newer releases, none marked bad, every required stop passed through and every
 * hop starting at or above the target's minimum upgrade-from version.
 */
public final class UpgradePlanner {

    private record Candidate(ReleaseVersion version, String bundleName, TargetFile target) {
        ReleaseManifest manifest() {
            return target.custom();
        }
    }

    /** Thrown inside planning when a release cannot be reached; the message is the user-facing reason. */
    private static final class Unreachable extends Exception {
        Unreachable(String reason) {
            super(reason, null, false, false);
        }
    }

    public UpgradePlan plan(String installedText, TargetsMetadata targets, Map<String, String> badReasons) {
        ReleaseVersion installed = ReleaseVersion.parse(installedText);
        Map<ReleaseVersion, Candidate> offered = new TreeMap<>();
        List<UpgradePlan.NotOffered> notOffered = new ArrayList<>();
        for (Map.Entry<String, TargetFile> entry : targets.targets().entrySet()) {
            ReleaseManifest manifest = entry.getValue().custom();
            ReleaseVersion version = manifest.releaseVersion();
            if (!version.isNewerThan(installed)) {
                continue;
            }
            String bad = badReasons.get(manifest.version());
            if (bad != null) {
                notOffered.add(new UpgradePlan.NotOffered(manifest.version(), "marked bad on this appliance: " + bad));
            } else {
                offered.put(version, new Candidate(version, entry.getKey(), entry.getValue()));
            }
        }
        List<Candidate> newestFirst = new ArrayList<>(offered.values());
        newestFirst.sort(Comparator.comparing(Candidate::version).reversed());
        List<UpgradePlan.Hop> hops = List.of();
        for (Candidate goal : newestFirst) {
            try {
                hops = path(installed, goal, offered);
                break;
            } catch (Unreachable e) {
                notOffered.add(new UpgradePlan.NotOffered(goal.manifest().version(), e.getMessage()));
            }
        }
        notOffered.sort(Comparator.comparing(n -> ReleaseVersion.parse(n.version())));
        return new UpgradePlan(targets.channel(), installedText, hops, notOffered);
    }

    private List<UpgradePlan.Hop> path(ReleaseVersion from, Candidate goal, Map<ReleaseVersion, Candidate> offered)
            throws Unreachable {
        List<UpgradePlan.Hop> hops = new ArrayList<>();
        ReleaseVersion at = from;
        List<ReleaseVersion> stops = goal.manifest().requiredStops().stream().map(ReleaseVersion::parse).sorted().toList();
        for (ReleaseVersion stop : stops) {
            if (!stop.isNewerThan(at)) {
                continue;
            }
            Candidate stopRelease = offered.get(stop);
            if (stopRelease == null) {
                throw new Unreachable("requires a stop at " + stop + ", which is not available on this channel (absent or marked bad)");
            }
            hops.addAll(path(at, stopRelease, offered));
            at = stop;
        }
        Optional<ReleaseVersion> minimum = Optional.ofNullable(goal.manifest().minUpgradeFrom()).map(ReleaseVersion::parse);
        if (minimum.isPresent() && at.isOlderThan(minimum.get())) {
            at = bridge(at, goal, minimum.get(), offered, hops);
        }
        hops.add(new UpgradePlan.Hop(at.toString(), goal.manifest().version(), goal.bundleName(), goal.target()));
        return hops;
    }

    private ReleaseVersion bridge(ReleaseVersion at, Candidate goal, ReleaseVersion minimum, Map<ReleaseVersion, Candidate> offered,
                                  List<UpgradePlan.Hop> hops) throws Unreachable {
        List<Candidate> bridges = offered.values().stream()
                .filter(c -> c.version().isNewerThan(at) && c.version().isOlderThan(goal.version()) && !c.version().isOlderThan(minimum))
                .sorted(Comparator.comparing(Candidate::version).reversed())
                .toList();
        for (Candidate bridge : bridges) {
            try {
                hops.addAll(path(at, bridge, offered));
                return bridge.version();
            } catch (Unreachable e) {
                // try the next lower bridge release
            }
        }
        throw new Unreachable("upgrades only from " + minimum + " or later (installed " + at
                + ") and no release on this channel bridges the gap");
    }
}
