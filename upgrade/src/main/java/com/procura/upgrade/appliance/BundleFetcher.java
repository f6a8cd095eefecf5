package com.procura.upgrade.appliance;

import java.io.IOException;
import java.nio.file.Path;

/** Brings a bundle to a local file, never writing more than {@code maxBytes}; returns the bytes written. */
public interface BundleFetcher {

    long fetch(String bundleName, Path target, long maxBytes) throws IOException;
}
