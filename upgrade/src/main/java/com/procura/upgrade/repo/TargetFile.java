package com.procura.upgrade.repo;

import java.util.Map;

/** One bundle on a channel: its length, sha256 and the release manifest it carries. */
public record TargetFile(long length, Map<String, String> hashes, ReleaseManifest custom) {

    public String sha256() {
        return hashes.get("sha256");
    }
}
