package com.procura.upgrade.appliance;

/** Called before each step of an upgrade hop; tests use it to stop a process dead at a chosen step. */
@FunctionalInterface
public interface StepHook {

    StepHook NONE = step -> { };

    void beforeStep(UpgradeStep step);
}
