package com.procura.upgrade.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes an upgrade.properties for a test appliance, in the order given. */
public final class SettingsFile {
    private SettingsFile() {
    }

    public static void write(Path file, Map<String, String> settings) throws IOException {
        Files.writeString(file, settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\")).collect(Collectors.joining("\n")) + "\n");
    }
}
