package com.procura.bench;

import com.procura.integration.sap.SapTestAccess;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Inbound throughput: N ORDERS05 IDocs with 10 lines each dropped into the file port of a running
 * Procura, timed from the first file dropped until every one is a stored order with its STATUS IDoc
 * queued (checked: the orders, their lines and the STATUS rows); and the raw parse rate of the same
 * files (nothing stored) as the ceiling. Also prints the CPU time the process spent per IDoc, which
 * says more than the rate when the machine is shared. Not a test: run by {@code bench/sap-inbound.sh}.
 *
 * <p>Arguments: {@code [COUNT] [h2|mariadb]}.
 */
public final class SapInboundBenchmark {
    /** IDocs processed before the measured round, so that it measures a running server, not the JIT compiler. */
    private static final int WARM_UP = 2000;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        TestDatabases.Engine engine = args.length > 1 && args[1].equalsIgnoreCase("mariadb")
                ? TestDatabases.Engine.MARIADB : TestDatabases.Engine.H2;
        Path folder = Files.createTempDirectory("procura-bench");
        List<byte[]> warmUp = orders(1, WARM_UP);
        List<byte[]> idocs = orders(WARM_UP + 1, count);
        double parseRate = parseRate(idocs);
        System.out.printf("parse: %,.0f IDocs/s (raw parse rate, nothing stored)%n", parseRate);

        try (TestApp app = TestApp.demo(folder, engine)) {
            Round first = round(app, folder, warmUp);
            System.out.printf("%s, first %d IDocs after the start (cold JVM): %,.0f IDocs/s%n", engine, WARM_UP, first.rate());
            Round measured = round(app, folder, idocs);
            System.out.printf("%s: %d IDocs (10 lines each) from file port to stored order with STATUS queued in %.2f s "
                    + "= %,.0f IDocs/s = %.1f%% of the raw parse rate; %.2f ms of CPU per IDoc (all threads, %d cores)%n",
                    engine, count, measured.seconds(), measured.rate(), 100 * measured.rate() / parseRate,
                    measured.cpuMillis() / count, Runtime.getRuntime().availableProcessors());
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private record Round(int count, double seconds, double cpuMillis) {
        double rate() {
            return count / seconds;
        }
    }

    private static List<byte[]> orders(int first, int count) {
        List<byte[]> idocs = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            idocs.add(SapTestAccess.tenLineOrderXml(String.format("%016d", 7_000_000 + i), String.valueOf(4_700_000_000L + i))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return idocs;
    }

    /** Drops the files into the file port and waits until each one is an order with its STATUS queued. */
    private static Round round(TestApp app, Path folder, List<byte[]> idocs) throws Exception {
        int count = idocs.size();
        Path staging = Files.createDirectories(folder.resolve("staging"));
        for (int i = 0; i < count; i++) {
            Files.write(staging.resolve(String.format("idoc-%07d.xml", i)), idocs.get(i));
        }
        long entriesBefore = count(app, "SELECT COUNT(*) FROM sap_inbound");
        long statusesBefore = count(app, "SELECT COUNT(*) FROM sap_outbound WHERE kind = 'STATUS'");
        long lastEntryBefore = count(app, "SELECT COALESCE(MAX(id), 0) FROM sap_inbound");
        long lastOrderBefore = count(app, "SELECT COALESCE(MAX(id), 0) FROM purchase_order");
        // An old timestamp: the files count as complete at once.
        long settled = System.currentTimeMillis() - 60_000;
        Path in = app.app().sap().folder().resolve("in");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (var files = Files.list(staging)) {
            for (Path file : files.toList()) {
                file.toFile().setLastModified(settled);
                Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        // Cheap to ask while it runs (the waiting ones are few); everything is checked once it is done.
        while (count(app, "SELECT COUNT(*) FROM sap_inbound") < entriesBefore + count
                || count(app, "SELECT COUNT(*) FROM sap_inbound WHERE state = 'RECEIVED'") > 0) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1e6;
        expect(app, "processed IDocs", "SELECT COUNT(*) FROM sap_inbound WHERE state = 'PROCESSED' AND id > " + lastEntryBefore,
                count);
        expect(app, "queued STATUS IDocs", "SELECT COUNT(*) - " + statusesBefore + " FROM sap_outbound WHERE kind = 'STATUS'",
                count);
        expect(app, "new orders", "SELECT COUNT(*) FROM purchase_order WHERE id > " + lastOrderBefore, count);
        expect(app, "lines of new orders", "SELECT COUNT(*) FROM order_line WHERE order_id > " + lastOrderBefore,
                10L * count);
        return new Round(count, seconds, cpuMillis);
    }

    private static double parseRate(List<byte[]> idocs) {
        for (int warmup = 0; warmup < 2; warmup++) {
            idocs.forEach(SapTestAccess::parse);
        }
        long start = System.nanoTime();
        idocs.forEach(SapTestAccess::parse);
        return idocs.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void expect(TestApp app, String what, String sql, long expected) throws Exception {
        long actual = count(app, sql);
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " " + what + ", found " + actual);
        }
    }

    private static long count(TestApp app, String sql) throws Exception {
        try (Connection connection = app.app().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
