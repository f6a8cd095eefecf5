package com.procura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.integration.sap.SapTestAccess;
import com.procura.testing.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} while IDocs are being taken and processed: after a restart nothing is lost or doubled. */
class SapCrashRecoveryIT {
    private static final int IDOCS = 1000;
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path folder;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyAcceptedIdocIsProcessedExactlyOnceAfterAHardKill() throws Exception {
        int https = freePort();
        String[] demo = {"demo", "--data-dir", folder.toString(), "--https-port", String.valueOf(https),
            "--http-port", String.valueOf(freePort()), "--password", PASSWORD};
        Path in = folder.resolve("sap/in");
        try (ProcuraProcess first = ProcuraProcess.start(demo)) {
            first.awaitOutput("Demo accounts:", Duration.ofSeconds(60));
            for (int i = 1; i <= IDOCS; i++) {
                String docnum = String.format("%016d", 400_000 + i);
                Path temp = folder.resolve(".tmp-" + i);
                Files.writeString(temp, SapTestAccess.orderXml(docnum, String.valueOf(4_500_400_000L + i),
                        new SapTestAccess.Line(10, "M-" + i, "5", "1.00", "20261224")));
                Files.move(temp, in.resolve(docnum + ".xml"), StandardCopyOption.ATOMIC_MOVE);
            }
            first.awaitOutput("File port: took", Duration.ofSeconds(60));
            first.killHard();
        }
        assertThat(remaining(in)).as("files still waiting after the kill").isPositive();

        try (ProcuraProcess second = ProcuraProcess.start(demo)) {
            second.awaitOutput("Demo accounts:", Duration.ofSeconds(60));
            WebClient admin = new WebClient("https://localhost:" + https, folder.resolve("tls/procura.crt"));
            assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(302);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!admin.get("/orders").body().contains((36 + IDOCS) + " orders")) {
                assertThat(System.nanoTime()).as("all orders within 120 s").isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(remaining(in)).isZero();
            assertThat(admin.get("/admin/sap/queues?in=RECEIVED").body()).contains("Nothing received yet.");
            assertThat(admin.get("/admin/sap/queues?in=FAILED").body()).contains("Nothing received yet.");
            assertThat(admin.get("/admin/sap/queues?in=DUPLICATE").body()).contains("Nothing received yet.");
            second.stop();
        }
    }

    private static long remaining(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).count();
        }
    }
}
