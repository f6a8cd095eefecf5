package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.TargetFile;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status.json} in the state folder: what the last check found, for the admin page of the application (which
 * reads it and never runs the upgrade itself). Rewritten after every check and every change.
 */
public final class StatusFile {

    /**
     * @param problem       why updates cannot be verified or checked (expired or refused metadata, no repository), or null
     * @param newest        newest release on the channel, or null
     * @param hops          the versions {@code apply} would walk, in order; empty when up to date
     * @param releaseNotes  notes of the installed release and of every offered one, by version
     * @param automaticUpgrades the maintenance window of the followed channel, or null when upgrades are manual only
     */
    public record Status(String checkedAt, String installed, String channel, boolean verified, String problem,
                         String metadataExpires, String newest, List<String> hops, List<UpgradePlan.NotOffered> notOffered,
                         Map<String, String> releaseNotes, String automaticUpgrades) {
    }

    private StatusFile() {
    }

    static void write(ApplianceLayout layout, ChannelCheck check, Optional<ReleaseManifest> installed, Optional<String> window,
                      Instant now) throws IOException {
        Map<String, String> notes = new LinkedHashMap<>();
        installed.ifPresent(m -> notes.put(check.installed(), m.notes()));
        Status status;
        if (check.problem().isPresent()) {
            status = new Status(now.toString(), check.installed(), check.channel(), false, check.problem().get(), null, null,
                    List.of(), List.of(), notes, window.orElse(null));
        } else {
            var targets = check.targets().orElseThrow();
            UpgradePlan plan = check.plan().orElseThrow();
            plan.hops().forEach(hop -> notes.put(hop.to(), hop.target().custom().notes()));
            String newest = targets.targets().values().stream().max(Comparator.comparing(t -> t.custom().releaseVersion()))
                    .map(TargetFile::custom).map(ReleaseManifest::version).orElse(null);
            status = new Status(now.toString(), check.installed(), check.channel(), true, null, targets.expires(), newest,
                    plan.hops().stream().map(UpgradePlan.Hop::to).toList(), plan.notOffered(), notes, window.orElse(null));
        }
        AtomicFiles.write(layout.statusFile(), Json.pretty(status));
    }
}
