package com.procura.upgrade.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.upgrade.repo.ReleaseManifest;
import com.procura.upgrade.repo.TargetFile;
import com.procura.upgrade.repo.TargetsMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradePlannerTest {

    private static TargetsMetadata channel(ReleaseManifest... releases) {
        Map<String, TargetFile> targets = new HashMap<>();
        for (ReleaseManifest release : releases) {
            targets.put("procura-" + release.version() + ".zip", new TargetFile(100, Map.of("sha256", "00"), release));
        }
        return new TargetsMetadata(TargetsMetadata.TYPE, 1, "2030-01-01T00:00:00Z", "live", targets);
    }

    private static ReleaseManifest release(String version, String minFrom, String... stops) {
        return new ReleaseManifest(version, "", minFrom, List.of(stops));
    }

    private static List<String> hops(UpgradePlan plan) {
        return plan.hops().stream().map(h -> h.from() + "->" + h.to()).toList();
    }

    @Test
    void newestReleaseIsOneHopWithoutConstraints() {
        UpgradePlan plan = new UpgradePlanner().plan("1.0.0", channel(release("1.1.0", null), release("1.2.0", null)), Map.of());

        assertThat(hops(plan)).containsExactly("1.0.0->1.2.0");
    }

    @Test
    void requiredStopsAreWalkedInOrder() {
        UpgradePlan plan = new UpgradePlanner().plan("1.0.0",
                channel(release("1.1.0", null), release("1.2.0", null), release("2.0.0", null, "1.2.0", "1.1.0")), Map.of());

        assertThat(hops(plan)).containsExactly("1.0.0->1.1.0", "1.1.0->1.2.0", "1.2.0->2.0.0");
    }

    @Test
    void olderAndEqualReleasesAreNeverOffered() {
        UpgradePlan plan = new UpgradePlanner().plan("1.2.0", channel(release("1.1.0", null), release("1.2.0", null)), Map.of());

        assertThat(plan.upToDate()).isTrue();
        assertThat(plan.notOffered()).isEmpty();
    }

    @Test
    void releaseOutOfReachIsExplainedAndTheNextBestIsOffered() {
        UpgradePlan plan = new UpgradePlanner().plan("1.0.0", channel(release("1.1.0", null), release("2.0.0", "1.5.0")), Map.of());

        assertThat(hops(plan)).containsExactly("1.0.0->1.1.0");
        assertThat(plan.notOffered()).containsExactly(new UpgradePlan.NotOffered("2.0.0",
                "upgrades only from 1.5.0 or later (installed 1.0.0) and no release on this channel bridges the gap"));
    }

    @Test
    void badReleaseIsSkippedWithItsReasonAndBlocksReleasesThatNeedItAsAStop() {
        UpgradePlan plan = new UpgradePlanner().plan("1.0.0",
                channel(release("1.1.0", null), release("1.2.0", null, "1.1.0")), Map.of("1.1.0", "health check timed out"));

        assertThat(plan.upToDate()).isTrue();
        assertThat(plan.notOffered()).extracting(UpgradePlan.NotOffered::reason).containsExactly(
                "marked bad on this appliance: health check timed out",
                "requires a stop at 1.1.0, which is not available on this channel (absent or marked bad)");
    }
}
