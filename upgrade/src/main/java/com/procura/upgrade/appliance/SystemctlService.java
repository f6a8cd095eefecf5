package com.procura.upgrade.appliance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The production service: the {@code procura} systemd unit. */
public final class SystemctlService implements ServiceController {

    private final String unit;

    public SystemctlService(String unit) {
        this.unit = unit;
    }

    @Override
    public void stop() throws IOException {
        ShellCommands.run(List.of("systemctl", "stop", unit), Duration.ofMinutes(2), "systemctl stop " + unit);
    }

    @Override
    public void restart() throws IOException {
        ShellCommands.run(List.of("systemctl", "restart", unit), Duration.ofMinutes(2), "systemctl restart " + unit);
    }

    @Override
    public Optional<String> failure() throws IOException {
        ShellCommands.Result result = ShellCommands.runQuietly(List.of("systemctl", "is-failed", "--quiet", unit), Duration.ofSeconds(10));
        return result.exitCode() == 0 ? Optional.of("systemd reports unit " + unit + " as failed (see journalctl -u " + unit + ")")
                : Optional.empty();
    }
}
