package com.procura.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One Procura process per data folder: an OS file lock held for the life of the process. */
public final class DataFolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve("procura.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StartupException("The data folder " + dataDir + " is in use by another Procura process. "
                        + "Stop it first, or choose another data folder.");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.US_ASCII.encode(ProcessHandle.current().pid() + "\n"));
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new StartupException("Cannot lock the data folder " + dataDir + ": " + e.getMessage()
                    + ". Check that it exists and is writable by this account.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
