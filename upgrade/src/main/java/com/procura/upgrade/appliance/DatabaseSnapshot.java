package com.procura.upgrade.appliance;

import java.io.IOException;
import java.nio.file.Path;

/** Takes and restores the pre-upgrade database snapshot. */
public interface DatabaseSnapshot {

    void take(Path snapshotDir) throws IOException;

    void restore(Path snapshotDir) throws IOException;
}
