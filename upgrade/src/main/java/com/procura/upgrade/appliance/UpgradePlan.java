package com.procura.upgrade.appliance;

import com.procura.upgrade.repo.TargetFile;
import java.util.List;

/**
 * What {@code plan} shows and {@code apply} walks: the hops from the installed version to the newest release that
 * can be reached, and every newer release that is not offered with the reason.
 */
public record UpgradePlan(String channel, String installed, List<Hop> hops, List<NotOffered> notOffered) {

    public record Hop(String from, String to, String bundleName, TargetFile target) {
    }

    public record NotOffered(String version, String reason) {
    }

    public UpgradePlan {
        hops = List.copyOf(hops);
        notOffered = List.copyOf(notOffered);
    }

    public boolean upToDate() {
        return hops.isEmpty();
    }

    public String goal() {
        return hops.isEmpty() ? installed : hops.get(hops.size() - 1).to();
    }
}
