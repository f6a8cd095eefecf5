package com.procura.upgrade.cli;

import com.procura.upgrade.appliance.ChannelCheck;
import com.procura.upgrade.appliance.EventLog;
import com.procura.upgrade.appliance.HopOutcome;
import com.procura.upgrade.appliance.UpgradePlan;
import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.repo.TargetFile;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Formats what the appliance commands report, in plain words. */
final class ReportPrinter {

    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void check(ChannelCheck check) {
        out.println("installed:   " + check.installed());
        out.println("channel:     " + check.channel());
        if (check.problem().isPresent()) {
            out.println("updates:     NOT AVAILABLE - " + check.problem().get());
            out.println("             the installed release keeps running; nothing will be installed until this is resolved");
            return;
        }
        var targets = check.targets().orElseThrow();
        out.println("metadata:    verified; channel targets version " + targets.version() + ", expires " + targets.expires());
        Optional<TargetFile> newest = targets.targets().values().stream()
                .max(Comparator.comparing(t -> t.custom().releaseVersion()));
        out.println("newest on " + check.channel() + ": " + newest.map(t -> t.custom().version()).orElse("(no releases)"));
        UpgradePlan plan = check.plan().orElseThrow();
        if (plan.upToDate()) {
            out.println("offered:     nothing, " + check.installed() + " is up to date for this channel");
        } else {
            out.println("offered:     " + plan.goal() + " in " + plan.hops().size() + " hop(s): " + hops(plan));
        }
        for (UpgradePlan.NotOffered notOffered : plan.notOffered()) {
            out.println("not offered: " + notOffered.version() + " - " + notOffered.reason());
        }
        if (newest.isPresent() && ReleaseVersion.parse(check.installed()).isNewerThan(newest.get().custom().releaseVersion())) {
            out.println("note:        installed " + check.installed() + " is newer than anything on " + check.channel()
                    + "; it stays (no downgrade)");
        }
        for (UpgradePlan.Hop hop : plan.hops()) {
            notes(hop.to(), hop.target().custom());
        }
    }

    void notes(String version, ReleaseManifest manifest) {
        out.println("release notes " + version + ":");
        for (String line : manifest.notes().split("\\R")) {
            out.println("  " + line);
        }
    }

    void plan(UpgradePlan plan) {
        if (plan.upToDate()) {
            out.println("plan: nothing to do, " + plan.installed() + " is the newest offered release on " + plan.channel());
        }
        int number = 1;
        for (UpgradePlan.Hop hop : plan.hops()) {
            out.println("hop " + number++ + ": " + hop.from() + " -> " + hop.to() + " (" + hop.bundleName() + ", "
                    + hop.target().length() + " bytes, sha256 " + hop.target().sha256() + ")");
            out.println("  preflight: verify signature, length, sha256, expiry, version, upgrade path, free disk");
            out.println("  snapshot:  database snapshot by the configured snapshot command");
            out.println("  install:   /opt/procura/releases/" + hop.to() + "/ side by side, check it starts");
            out.println("  switch:    /opt/procura/current -> releases/" + hop.to() + " (atomic rename)");
            out.println("  restart:   restart the service, wait for /health/ready = 200, then commit");
            out.println("  on failure: switch back to " + hop.from() + ", restore the snapshot, mark " + hop.to() + " bad");
        }
        plan.notOffered().forEach(n -> out.println("not offered: " + n.version() + " - " + n.reason()));
        out.println("(plan only: nothing was changed)");
    }

    void outcomes(List<HopOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            out.println("nothing to apply: already on the newest offered release");
        }
        outcomes.forEach(o -> out.println((o.committed() ? "OK      " : "FAILED  ") + o.message()));
    }

    void history(List<EventLog.Event> events, int last) {
        if (events.isEmpty()) {
            out.println("history:     no upgrades yet");
            return;
        }
        out.println("history (last " + last + "):");
        events.stream().skip(Math.max(0, events.size() - last)).forEach(e -> out.println("  " + e.time() + " " + e.event()
                + (e.from() != null ? " " + e.from() + " -> " + e.to() : "") + (e.step() != null ? " [" + e.step() + "]" : "")
                + (e.message() != null ? ": " + e.message() : "")));
    }

    private static String hops(UpgradePlan plan) {
        StringBuilder text = new StringBuilder(plan.installed());
        plan.hops().forEach(h -> text.append(" -> ").append(h.to()));
        return text.toString();
    }
}
