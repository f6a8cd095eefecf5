package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.TargetsMetadata;
import java.util.Optional;

/**
 * The result of verifying the followed channel: its targets and the plan, or the reason updates cannot be verified
 * (the application keeps running either way).
 */
public record ChannelCheck(String channel, String installed, Optional<TargetsMetadata> targets, Optional<UpgradePlan> plan,
                           Optional<String> problem) {

    public static ChannelCheck verified(String channel, String installed, TargetsMetadata targets, UpgradePlan plan) {
        return new ChannelCheck(channel, installed, Optional.of(targets), Optional.of(plan), Optional.empty());
    }

    public static ChannelCheck unverifiable(String channel, String installed, String problem) {
        return new ChannelCheck(channel, installed, Optional.empty(), Optional.empty(), Optional.of(problem));
    }
}
