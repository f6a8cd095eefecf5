package com.procura.upgrade.repo;

import java.util.List;

/** File names inside a channel repository (a plain folder, served as a static site). */
public final class RepositoryPaths {

    public static final String ROOT = "root.json";
    public static final String TIMESTAMP = "timestamp.json";
    public static final String SNAPSHOT = "snapshot.json";
    public static final List<String> CHANNELS = List.of("feature", "pre-release", "live");

    private RepositoryPaths() {
    }

    public static String versionedRoot(long version) {
        return version + ".root.json";
    }

    public static String targets(String channel) {
        requireChannel(channel);
        return "channels/" + channel + "/targets.json";
    }

    public static String bundle(String fileName) {
        return "bundles/" + fileName;
    }

    public static String requireChannel(String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("unknown channel '" + channel + "'; channels are " + CHANNELS);
        }
        return channel;
    }

    /** Stability rank: feature 0, pre-release 1, live 2. */
    public static int stability(String channel) {
        return CHANNELS.indexOf(requireChannel(channel));
    }
}
