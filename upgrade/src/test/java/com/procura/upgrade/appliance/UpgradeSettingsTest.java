package com.procura.upgrade.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeSettingsTest {

    @TempDir
    Path root;

    private ApplianceLayout layoutWith(String settings) throws Exception {
        ApplianceLayout layout = new ApplianceLayout(root);
        Files.createDirectories(layout.settingsFile().getParent());
        Files.writeString(layout.settingsFile(), settings);
        return layout;
    }

    @Test
    void defaultsApplyToOptionalSettings() throws Exception {
        UpgradeSettings settings = UpgradeSettings.load(layoutWith("""
                health.port=8443
                snapshot.command=procura backup --to "$PROCURA_SNAPSHOT_DIR"
                restore.command=procura restore --from "$PROCURA_SNAPSHOT_DIR"
                """));

        assertThat(settings.defaultChannel()).isEqualTo("live");
        assertThat(settings.service()).isEqualTo("systemctl");
        assertThat(settings.healthTimeout()).hasSeconds(120);
        assertThat(settings.repository()).isEmpty();
        assertThat(settings.javaOptions()).isEmpty();
    }

    @Test
    void missingRequiredSettingIsNamedWithTheFile() throws Exception {
        ApplianceLayout layout = layoutWith("health.port=8443\n");

        assertThatThrownBy(() -> UpgradeSettings.load(layout))
                .hasMessage(layout.settingsFile() + ": required setting 'snapshot.command' is missing");
    }

    @Test
    void malformedNumberIsNamedWithItsKey() throws Exception {
        ApplianceLayout layout = layoutWith("health.port=eighty\nsnapshot.command=a\nrestore.command=b\n");

        assertThatThrownBy(() -> UpgradeSettings.load(layout))
                .hasMessage(layout.settingsFile() + ": setting 'health.port' must be a whole number, got 'eighty'");
    }

    @Test
    void maintenanceWindowsAreReadPerChannelAndMistakesNamed() throws Exception {
        String base = "health.port=8443\nsnapshot.command=a\nrestore.command=b\nauto.timezone=Europe/Berlin\n";
        UpgradeSettings settings = UpgradeSettings.load(layoutWith(base + "auto.window.live=Sat,Sun 02:00-05:00\n"));
        assertThat(settings.maintenanceWindows()).containsOnlyKeys("live");
        assertThat(settings.maintenanceWindows().get("live").zone()).hasToString("Europe/Berlin");

        ApplianceLayout unknownChannel = layoutWith(base + "auto.window.nightly=Sat 02:00-05:00\n");
        assertThatThrownBy(() -> UpgradeSettings.load(unknownChannel)).hasMessage(unknownChannel.settingsFile()
                + ": setting 'auto.window.nightly': unknown channel 'nightly'; channels are [feature, pre-release, live]");
        ApplianceLayout badFlag = layoutWith(base + "snapshot.stops.service=yes\n");
        assertThatThrownBy(() -> UpgradeSettings.load(badFlag))
                .hasMessage(badFlag.settingsFile() + ": setting 'snapshot.stops.service' must be true or false, got 'yes'");
    }
}
