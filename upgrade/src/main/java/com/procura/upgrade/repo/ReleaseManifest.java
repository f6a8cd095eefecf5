package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code release.json} inside a bundle, repeated in the channel's targets metadata so an appliance can plan
 * without downloading: version, release notes, the minimum installed version it may upgrade from, required stops.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseManifest(String version, String notes, String minUpgradeFrom, List<String> requiredStops) {

    public ReleaseManifest {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("release.json: 'version' is required");
        }
        ReleaseVersion.parse(version);
        if (minUpgradeFrom != null) {
            ReleaseVersion.parse(minUpgradeFrom);
        }
        requiredStops = requiredStops == null ? List.of() : List.copyOf(requiredStops);
        requiredStops.forEach(ReleaseVersion::parse);
        notes = notes == null ? "" : notes;
    }

    public ReleaseVersion releaseVersion() {
        return ReleaseVersion.parse(version);
    }
}
