package com.procura.bench;

import com.procura.integration.sap.SapTestAccess;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
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
 * Procura, timed until every one is a stored order with its STATUS IDoc queued; and the raw parse
 * rate of the same files (nothing stored) as the ceiling. Not a test: run by {@code bench/sap-inbound.sh}.
 *
 * <p>Arguments: {@code [COUNT] [h2|mariadb]}.
 */
public final class SapInboundBenchmark {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        TestDatabases.Engine engine = args.length > 1 && args[1].equalsIgnoreCase("mariadb")
                ? TestDatabases.Engine.MARIADB : TestDatabases.Engine.H2;
        Path folder = Files.createTempDirectory("procura-bench");
        List<byte[]> idocs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            idocs.add(SapTestAccess.tenLineOrderXml(String.format("%016d", 7_000_000 + i), String.valueOf(4_700_000_000L + i))
                    .getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("parse: %,.0f IDocs/s (raw parse rate, nothing stored)%n", parseRate(idocs));

        try (TestApp app = TestApp.demo(folder, engine)) {
            Path staging = Files.createDirectories(folder.resolve("staging"));
            for (int i = 0; i < idocs.size(); i++) {
                Files.write(staging.resolve(String.format("idoc-%07d.xml", i)), idocs.get(i));
            }
            // An old timestamp: the files count as complete at once.
            long settled = System.currentTimeMillis() - 60_000;
            Path in = app.app().sap().folder().resolve("in");
            long start = System.nanoTime();
            try (var files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    file.toFile().setLastModified(settled);
                    Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            while (processedWithStatus(app) < count) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d IDocs (10 lines each) from file port to stored order with STATUS queued in %.2f s = %,.0f IDocs/s%n",
                    engine, count, seconds, count / seconds);
        }
    }

    private static double parseRate(List<byte[]> idocs) {
        for (int warmup = 0; warmup < 2; warmup++) {
            idocs.forEach(SapTestAccess::parse);
        }
        long start = System.nanoTime();
        idocs.forEach(SapTestAccess::parse);
        return idocs.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static long processedWithStatus(TestApp app) throws Exception {
        try (Connection connection = app.app().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM sap_inbound WHERE state = 'PROCESSED'), "
                     + "(SELECT COUNT(*) FROM sap_outbound WHERE kind = 'STATUS')")) {
            rows.next();
            return Math.min(rows.getLong(1), rows.getLong(2));
        }
    }
}
