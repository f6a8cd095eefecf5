package com.procura.integration.sap;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Waiting for the queues of a running test application. */
final class SapQueues {
    private SapQueues() {
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<InboundQueue.Entry> inbound(TestApp app) {
        return app.app().sap().inbound().recent(null, 10_000);
    }

    static void awaitProcessed(TestApp app, int count) {
        await(count + " IDocs processed", Duration.ofSeconds(60), () -> {
            List<InboundQueue.Entry> entries = inbound(app);
            return entries.size() >= count && entries.stream().noneMatch(e -> e.state() == InboundState.RECEIVED);
        });
    }

    static InboundQueue.Entry entryFor(TestApp app, String docnum) {
        return inbound(app).stream().filter(e -> e.docnum().equals(docnum)).findFirst()
                .orElseThrow(() -> new AssertionError("no inbound entry for DOCNUM " + docnum));
    }

    static List<Path> outFiles(TestApp app, String prefix) {
        try (Stream<Path> files = Files.list(app.app().sap().folder().resolve("out"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The STATUS IDoc written for SAP's DOCNUM (waits for the outbox to deliver it). */
    static String statusFor(TestApp app, String docnum) {
        await("STATUS for " + docnum, Duration.ofSeconds(30), () -> !outFiles(app, "status_" + docnum + "_").isEmpty());
        List<Path> files = outFiles(app, "status_" + docnum + "_");
        assertThat(files).isNotEmpty();
        return read(files.get(files.size() - 1));
    }
}
