package com.procura.upgrade.appliance;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The production service: the {@code procura} systemd unit. */
public final class SystemctlService implements ServiceController {

    private final String unit;

    /** {@code unit} as systemctl takes it: {@code procura} means {@code procura.service}. */
    public SystemctlService(String unit) {
        this.unit = unit.contains(".") ? unit : unit + ".service";
    }

    @Override
    public void stop() throws IOException {
        ShellCommands.run(List.of("systemctl", "stop", unit), Duration.ofMinutes(2), "systemctl stop " + unit);
    }

    @Override
    public void restart() throws IOException {
        ShellCommands.run(List.of("systemctl", "restart", unit), Duration.ofMinutes(2), "systemctl restart " + unit);
    }

    /**
     * A release that exits at startup (a failed migration exits 3) is restarted by systemd ({@code Restart=on-failure}), so
     * the unit is seldom {@code failed}: between two attempts it waits in {@code auto-restart}. Either state ends the wait
     * for readiness at once, with the exit code and the release's last output (not systemd's lines about the unit) as the cause.
     */
    @Override
    public Optional<String> failure() throws IOException {
        Map<String, String> state = properties(ShellCommands.runQuietly(
                List.of("systemctl", "show", "--property=ActiveState,SubState,ExecMainStatus", unit), Duration.ofSeconds(10)).output());
        boolean failed = "failed".equals(state.get("ActiveState"));
        boolean restarting = "auto-restart".equals(state.get("SubState"));
        if (!failed && !restarting) {
            return Optional.empty();
        }
        String log = ShellCommands.runQuietly(List.of("journalctl", "_SYSTEMD_UNIT=" + unit, "--output=cat", "--lines=8", "--no-pager"),
                Duration.ofSeconds(10)).output();
        return Optional.of("unit " + unit + " exited with code " + state.getOrDefault("ExecMainStatus", "?")
                + (restarting ? " and systemd is restarting it" : " and systemd reports it failed")
                + "; last log lines: " + ShellCommands.tail(log));
    }

    private static Map<String, String> properties(String output) {
        Map<String, String> properties = new HashMap<>();
        output.lines().map(line -> line.split("=", 2)).filter(pair -> pair.length == 2)
                .forEach(pair -> properties.put(pair[0].strip(), pair[1].strip()));
        return properties;
    }
}
