package com.procura.upgrade.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.procura.upgrade.repo.AtomicFiles;
import com.procura.upgrade.repo.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every upgrade step goes to the upgrade history and the audit log, both JSON lines, each line fsynced. */
public final class EventLog {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String time, String event, String from, String to, String step, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditRecord(String time, String actor, String component, String action, String from, String to, String detail) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final ApplianceLayout layout;
    private final Clock clock;
    private final String actor;

    /** @param actor the operating-system account running the command, as written to the audit log */
    public EventLog(ApplianceLayout layout, Clock clock, String actor) {
        this.layout = layout;
        this.clock = clock;
        this.actor = actor;
    }

    public void record(String event, String from, String to, UpgradeStep step, String message) throws IOException {
        String time = clock.instant().toString();
        LOG.info("{} {} -> {} {}: {}", event, from, to, step, message);
        AtomicFiles.appendLine(layout.history(), Json.line(new Event(time, event, from, to, step == null ? null : step.name(), message)));
        AtomicFiles.appendLine(layout.auditLog(), Json.line(new AuditRecord(time, actor, "procura-upgrade",
                step == null ? event : event + ":" + step.name(), from, to, message)));
    }

    public List<Event> history() throws IOException {
        Path file = layout.history();
        List<Event> events = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    events.add(Json.read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), Event.class, file.toString()));
                }
            }
        }
        return events;
    }
}
