package com.procura.upgrade.realapp;

import com.procura.upgrade.appliance.UpgradeStep;
import com.procura.upgrade.cli.UpgradeMain;

/**
 * Runs {@code procura-upgrade --root ROOT apply} in a child JVM and stops it dead ({@code Runtime.halt}, no shutdown
 * hooks, no finally blocks: what kill -9 leaves) just before step STEP.
 */
public final class CrashAtStepMain {

    public static final int HALT_CODE = 137;

    private CrashAtStepMain() {
    }

    public static void main(String[] args) {
        UpgradeStep crashAt = UpgradeStep.valueOf(args[1]);
        int exit = UpgradeMain.commandLine(step -> {
            if (step == crashAt) {
                System.out.flush();
                Runtime.getRuntime().halt(HALT_CODE);
            }
        }).execute("--root", args[0], "apply");
        System.exit(exit);
    }
}
