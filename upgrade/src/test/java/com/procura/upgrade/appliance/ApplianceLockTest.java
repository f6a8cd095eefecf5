package com.procura.upgrade.appliance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceLockTest {

    @TempDir
    Path root;

    @Test
    void secondRunIsRefusedWhileTheFirstHoldsTheLockAndAdmittedAfterwards() throws Exception {
        ApplianceLayout layout = new ApplianceLayout(root);
        try (ApplianceLock first = ApplianceLock.acquire(layout)) {
            assertThatThrownBy(() -> ApplianceLock.acquire(layout))
                    .isInstanceOf(UpgradeRefusedException.class)
                    .hasMessageContaining("another procura-upgrade is running on this appliance");
        }
        ApplianceLock.acquire(layout).close();
    }
}
