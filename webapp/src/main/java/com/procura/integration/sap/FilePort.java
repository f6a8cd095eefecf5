package com.procura.integration.sap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAP's file port: IDoc files dropped into {@code DATA/sap/in/} are stored in the inbound queue and
 * then moved to {@code DATA/sap/archive/DATE/} (or {@code DATA/sap/rejected/} when they are no IDoc).
 * A file is taken once it has not changed for a moment; hidden and {@code .tmp} files are left alone.
 */
final class FilePort implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FilePort.class);
    private static final long SETTLE_MILLIS = 300;
    private static final int BATCH = 200;
    /** While this many IDocs wait for processing, no more files are taken: they wait in the folder instead. */
    private static final int MAX_WAITING = 400;
    private static final long WAIT_MILLIS = 20;
    private static final int MAX_WAITS = 100;

    private final Path in;
    private final Path archive;
    private final Path rejected;
    private final InboundQueue inbound;

    FilePort(Path sapFolder, InboundQueue inbound) {
        this.in = sapFolder.resolve("in");
        this.archive = sapFolder.resolve("archive");
        this.rejected = sapFolder.resolve("rejected");
        this.inbound = inbound;
    }

    void createFolders() throws IOException {
        Files.createDirectories(in);
        Files.createDirectories(sapOut());
    }

    private Path sapOut() {
        return in.resolveSibling("out");
    }

    /** Files are stored in batches (one transaction each) and moved away only after the commit. */
    @Override
    public void run() {
        List<Path> files = settledFiles();
        if (files.isEmpty()) {
            return;
        }
        Path archiveToday = archive.resolve(LocalDate.now().toString());
        try {
            Files.createDirectories(archiveToday);
            Files.createDirectories(rejected);
        } catch (IOException e) {
            LOG.warn("Cannot create {} or {}: files are taken once they can be moved away: {}", archiveToday, rejected,
                    e.getMessage());
            return;
        }
        for (int start = 0; start < files.size(); start += BATCH) {
            if (!processingFollows()) {
                LOG.debug("File port: {} IDocs or more wait for processing; the other files are taken later", MAX_WAITING);
                return;
            }
            List<Path> batch = files.subList(start, Math.min(files.size(), start + BATCH));
            List<Path> readable = new ArrayList<>();
            List<InboundQueue.Incoming> payloads = new ArrayList<>();
            for (Path file : batch) {
                try {
                    payloads.add(new InboundQueue.Incoming(file.getFileName().toString(), Files.readAllBytes(file)));
                    readable.add(file);
                } catch (IOException e) {
                    LOG.warn("Could not read {} from the file port: {}", file.getFileName(), e.getMessage());
                }
            }
            List<InboundQueue.Receipt> receipts = inbound.storeAll("FILE", payloads);
            LOG.info("File port: took {} file(s) holding {} IDoc(s)", receipts.size(),
                    receipts.stream().mapToInt(InboundQueue.Receipt::idocCount).sum());
            for (int i = 0; i < readable.size(); i++) {
                try {
                    moveAway(readable.get(i), receipts.get(i), archiveToday);
                } catch (IOException e) {
                    LOG.warn("Stored {} but could not move it away (it will be recognised next time): {}",
                            readable.get(i).getFileName(), e.getMessage());
                }
            }
        }
    }

    /**
     * Waits a moment while processing is far behind, so that what is taken is processed while its
     * IDocs are still in memory, parsed; false when it stays behind.
     */
    private boolean processingFollows() {
        for (int waits = 0; inbound.waitingCount() >= MAX_WAITING; waits++) {
            if (waits == MAX_WAITS) {
                return false;
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private List<Path> settledFiles() {
        List<Path> files = new ArrayList<>();
        long settledBefore = System.currentTimeMillis() - SETTLE_MILLIS;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(in)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp")) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toMillis() <= settledBefore) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the inbound folder {}: {}", in, e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private void moveAway(Path file, InboundQueue.Receipt receipt, Path archiveToday) throws IOException {
        Path target = receipt.accepted() ? archiveToday : rejected;
        Path destination = target.resolve(file.getFileName());
        if (Files.exists(destination)) {
            destination = target.resolve(Instant.now().toEpochMilli() + "-" + file.getFileName());
        }
        Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE);
        if (receipt.accepted()) {
            LOG.debug("File port: {} held {} IDoc(s){}", file.getFileName(), receipt.idocCount(),
                    receipt.alreadyReceived() ? " (seen before; not stored again)" : "");
        } else {
            LOG.warn("File port: {} is not an IDoc and was moved to {}: {}", file.getFileName(), target, receipt.error());
        }
    }
}
