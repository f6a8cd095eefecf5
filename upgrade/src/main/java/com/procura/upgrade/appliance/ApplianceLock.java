package com.procura.upgrade.appliance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One {@code procura-upgrade} at a time per appliance: an OS file lock on {@code <state>/lock}, which the kernel
 * releases when the process dies, so a crashed run never blocks the next one.
 */
public final class ApplianceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ApplianceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static ApplianceLock acquire(ApplianceLayout layout) throws IOException {
        Path file = layout.stateDir().resolve("lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UpgradeRefusedException("another procura-upgrade is running on this appliance (it holds " + file
                    + "); try again when it has finished");
        }
        return new ApplianceLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
