package com.procura.upgrade.appliance;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.procura.upgrade.repo.RepositoryPaths;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Properties;

/**
 * The upgrade manager's slice of the appliance configuration, read from {@code /etc/procura/upgrade.properties}.
 *
 * @param repository     channel repository: an https:// URL or a folder (offline media)
 * @param defaultChannel channel followed until {@code channel set} chooses another
 * @param healthPort     HTTPS port of the application on 127.0.0.1
 * @param healthTimeout  how long a restarted release may take to answer /health/ready with 200
 * @param snapshotCommand shell command taking a database snapshot into {@code $PROCURA_SNAPSHOT_DIR}
 * @param restoreCommand  shell command restoring the database from {@code $PROCURA_SNAPSHOT_DIR}
 * @param snapshotStopsService stop the application before the snapshot: an embedded H2 file can only be copied
 *                       consistently while closed (MariaDB is dumped while it runs)
 * @param service        {@code systemctl} (production) or {@code process} (launches the jar directly)
 * @param serviceUnit    systemd unit restarted in {@code systemctl} mode
 * @param javaCommand    java executable used to check a bundle starts and, in {@code process} mode, to run it
 * @param javaOptions    JVM options for those java calls (space separated)
 * @param diskReserveBytes free space that must remain after bundle, installation and snapshot
 * @param cdsDir         in {@code process} mode: folder for a class-data-sharing archive per release (quicker start)
 * @param maintenanceWindows per channel, when {@code procura-upgrade auto} may upgrade ({@code auto.window.CHANNEL},
 *                       in the time zone {@code auto.timezone}, default the system's); a channel without one gets none
 */
public record UpgradeSettings(Optional<String> repository, String defaultChannel, int healthPort, Duration healthTimeout,
                              String snapshotCommand, String restoreCommand, boolean snapshotStopsService, String service,
                              String serviceUnit, String javaCommand, List<String> javaOptions, long diskReserveBytes,
                              Optional<Path> cdsDir, Map<String, MaintenanceWindow> maintenanceWindows) {

    public static UpgradeSettings load(ApplianceLayout layout) throws IOException {
        Path file = layout.settingsFile();
        if (!Files.isRegularFile(file)) {
            throw new IOException("upgrade settings " + file + " do not exist");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        String where = file.toString();
        return new UpgradeSettings(
                Optional.ofNullable(p.getProperty("repository")).map(String::trim).filter(s -> !s.isEmpty()),
                p.getProperty("channel", "live").trim(),
                (int) number(required(p, "health.port", where), "health.port", where),
                Duration.ofSeconds(number(p.getProperty("health.timeout.seconds", "120"), "health.timeout.seconds", where)),
                required(p, "snapshot.command", where),
                required(p, "restore.command", where),
                bool(p.getProperty("snapshot.stops.service", "false"), "snapshot.stops.service", where),
                p.getProperty("service", "systemctl").trim(),
                p.getProperty("service.unit", "procura").trim(),
                p.getProperty("java.command", "java").trim(),
                List.of(p.getProperty("java.options", "").trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList(),
                number(p.getProperty("disk.reserve.bytes", String.valueOf(200L * 1024 * 1024)), "disk.reserve.bytes", where),
                Optional.ofNullable(p.getProperty("cds.dir")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of),
                maintenanceWindows(p, where));
    }

    private static Map<String, MaintenanceWindow> maintenanceWindows(Properties p, String where) throws IOException {
        ZoneId zone;
        try {
            zone = p.getProperty("auto.timezone") == null ? ZoneId.systemDefault() : ZoneId.of(p.getProperty("auto.timezone").trim());
        } catch (java.time.DateTimeException e) {
            throw new IOException(where + ": setting 'auto.timezone' is not a time zone such as Europe/Berlin: " + e.getMessage(), e);
        }
        Map<String, MaintenanceWindow> windows = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("auto.window.")) {
                continue;
            }
            String channel = key.substring("auto.window.".length());
            try {
                RepositoryPaths.requireChannel(channel);
                windows.put(channel, MaintenanceWindow.parse(p.getProperty(key), zone, where + " setting '" + key + "'"));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": setting '" + key + "': " + e.getMessage(), e);
            }
        }
        return windows;
    }

    private static boolean bool(String value, String key, String where) throws IOException {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IOException(where + ": setting '" + key + "' must be true or false, got '" + value + "'");
        };
    }

    private static long number(String value, String key, String where) throws IOException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException(where + ": setting '" + key + "' must be a whole number, got '" + value + "'", e);
        }
    }

    private static String required(Properties p, String key, String where) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(where + ": required setting '" + key + "' is missing");
        }
        return value.trim();
    }

    public String requireRepository() throws IOException {
        return repository.orElseThrow(() -> new IOException(
                "no 'repository' in the upgrade settings: set it, or use 'procura-upgrade import BUNDLE' offline"));
    }
}
