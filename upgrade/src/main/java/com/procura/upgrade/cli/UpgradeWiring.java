package com.procura.upgrade.cli;

import com.procura.upgrade.appliance.ApplianceLayout;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.appliance.UpgradeManager;
import com.procura.upgrade.appliance.UpgradeSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the upgrade manager for a root directory; the CLI, the tests and the benchmark all start here. */
public final class UpgradeWiring {

    private UpgradeWiring() {
    }

    public static UpgradeManager manager(Path root, Clock clock, StepHook hook, String actor) throws IOException {
        ApplianceLayout layout = new ApplianceLayout(root);
        UpgradeSettings settings = UpgradeSettings.load(layout);
        return new UpgradeManager(layout, settings, UpgradeManager.serviceFor(layout, settings), clock, hook, actor);
    }
}
