package com.procura.upgrades;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the upgrade page shows, worked out from the upgrade manager's state so that the template only prints. */
public record UpgradeView(boolean managerInstalled, String stateDir, Optional<String> unreadable, Optional<Check> check,
                          Optional<Progress> progress, List<String> pending, List<HistoryRow> history) {

    /** The steps of one upgrade hop in the order {@code procura-upgrade} runs them (its {@code UpgradeStep}). */
    static final List<String> STEPS = List.of("PREFLIGHT", "INSTALL", "SNAPSHOT", "SWITCH", "RESTART", "HEALTH", "COMMIT");

    /**
     * @param updatesProblem why updates cannot be verified (expired or refused metadata, repository unreachable)
     * @param offered        the release {@code apply} would reach, or null when up to date
     * @param automaticUpgrades the channel's maintenance window for automatic upgrades, or null (manual only)
     */
    public record Check(String checkedAt, String installed, String channel, String updatesProblem, String metadataExpires,
                        String newest, String offered, String path, List<NotOfferedRow> notOffered, List<NotesRow> notes,
                        String automaticUpgrades) {
    }

    public record NotOfferedRow(String version, String reason) {
    }

    public record NotesRow(String version, String label, String text) {
    }

    public record Progress(String from, String to, String startedAt, int done, int total, String now) {
    }

    public record HistoryRow(String time, String event, String versions, String step, String message, boolean failure) {
    }

    public boolean busy() {
        return progress.isPresent() || !pending.isEmpty();
    }

    public boolean canApply() {
        return !busy() && check.isPresent() && check.get().updatesProblem() == null && check.get().offered() != null;
    }

    public boolean takesRequests() {
        return managerInstalled && unreadable.isEmpty();
    }

    static UpgradeView of(UpgradeState.Snapshot snapshot, Path stateDir) {
        return new UpgradeView(snapshot.installed(), stateDir.toString(), snapshot.problem(),
                snapshot.status().map(UpgradeView::check), snapshot.running().map(UpgradeView::progress),
                snapshot.pending().stream().map(UpgradeView::pending).toList(),
                snapshot.history().stream().map(UpgradeView::historyRow).toList());
    }

    private static Check check(UpgradeState.Status status) {
        String path = status.hops() == null || status.hops().isEmpty() ? null
                : status.installed() + " → " + String.join(" → ", status.hops());
        List<NotOfferedRow> notOffered = status.notOffered() == null ? List.of()
                : status.notOffered().stream().map(n -> new NotOfferedRow(n.version(), n.reason())).toList();
        List<NotesRow> notes = new ArrayList<>();
        Map<String, String> all = status.releaseNotes() == null ? Map.of() : status.releaseNotes();
        all.forEach((version, text) -> notes.add(new NotesRow(version, version.equals(status.installed()) ? "installed" : "offered", text)));
        return new Check(status.checkedAt(), status.installed(), status.channel(), status.verified() ? null : status.problem(),
                status.metadataExpires(), status.newest(), status.offered(), path, notOffered, notes, status.automaticUpgrades());
    }

    private static Progress progress(UpgradeState.Running running) {
        List<String> completed = running.completed() == null ? List.of() : running.completed();
        String now = STEPS.stream().filter(step -> !completed.contains(step)).findFirst().orElse("COMMIT");
        return new Progress(running.from(), running.to(), running.startedAt(), completed.size(), STEPS.size(), now);
    }

    private static String pending(UpgradeState.Pending pending) {
        String what = "channel".equals(pending.action()) ? "follow channel " + pending.channel() : pending.action();
        return what + ", requested by " + pending.requestedBy() + " at " + pending.requestedAt() + ": waiting for the upgrade service";
    }

    private static HistoryRow historyRow(UpgradeState.Event event) {
        String versions = event.from() == null ? "" : event.from() + " → " + event.to();
        boolean failure = event.event() != null && (event.event().contains("refused") || event.event().contains("rollback")
                || event.event().equals("rolled-back") || event.event().contains("failed"));
        return new HistoryRow(event.time(), event.event(), versions, event.step() == null ? "" : event.step(),
                event.message() == null ? "" : event.message(), failure);
    }
}
