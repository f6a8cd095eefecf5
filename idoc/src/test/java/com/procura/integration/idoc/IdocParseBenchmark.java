package com.procura.integration.idoc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures parse throughput for ORDERS05 IDocs with 10 items each, as IDoc-XML (one IDoc per
 * document, as SAP's XML-HTTP port sends them) and as record-type 3 flat files. Not a unit test:
 * run it with the command in idoc/README.md. Argument: number of IDocs to parse per round.
 */
public final class IdocParseBenchmark {

    private static final int DISTINCT_DOCUMENTS = 500;
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<String> xmlDocuments = new ArrayList<>();
        List<String> flatDocuments = new ArrayList<>();
        for (int i = 0; i < DISTINCT_DOCUMENTS; i++) {
            Idoc order = order(i);
            xmlDocuments.add(IdocXmlWriter.create().write(order));
            flatDocuments.add(IdocFlatWriter.create().write(order));
        }
        System.out.printf("ORDERS05 with 10 items: %d segments, IDoc-XML %d bytes, flat %d bytes%n",
                order(0).segmentCount(), xmlDocuments.get(0).length(), flatDocuments.get(0).length());

        IdocXmlReader xmlReader = IdocXmlReader.create();
        IdocFlatReader flatReader = IdocFlatReader.create();
        report("IDoc-XML", count, () -> {
            int segments = 0;
            for (int i = 0; i < count; i++) {
                segments += xmlReader.read(xmlDocuments.get(i % DISTINCT_DOCUMENTS)).get(0).segmentCount();
            }
            return segments;
        });
        report("flat    ", count, () -> {
            int segments = 0;
            for (int i = 0; i < count; i++) {
                segments += flatReader.read(flatDocuments.get(i % DISTINCT_DOCUMENTS)).get(0).segmentCount();
            }
            return segments;
        });
    }

    private interface Round {
        int run();
    }

    /**
     * Reports the best of several rounds twice: per second of wall-clock time and per second of CPU
     * time of this thread. On a shared machine the CPU-time figure is the steadier one.
     */
    private static void report(String format, int count, Round round) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        round.run();
        double bestWall = 0;
        double bestCpu = 0;
        long checksum = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long wallStart = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            checksum += round.run();
            bestWall = Math.max(bestWall, count / ((System.nanoTime() - wallStart) / 1e9));
            bestCpu = Math.max(bestCpu, count / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9));
        }
        System.out.printf("%s: %,8.0f IDocs/s wall clock, %,8.0f IDocs/s per CPU second (best of %d rounds of %,d;"
                + " checksum %d)%n", format, bestWall, bestCpu, ROUNDS, count, checksum);
    }

    static Idoc order(int n) {
        String number = String.format("45%08d", n);
        ControlRecord control = ControlRecord.builder()
                .set("TABNAM", "EDI_DC40").set("MANDT", "100").set("DOCNUM", String.format("%016d", 1_000_000 + n))
                .set("DOCREL", "757").set("STATUS", "30").set("DIRECT", "1").set("OUTMOD", "2")
                .set("IDOCTYP", "ORDERS05").set("MESTYP", "ORDERS").set("SNDPOR", "SAPS4H").set("SNDPRT", "LS")
                .set("SNDPRN", "S4HCLNT100").set("RCVPOR", "PROCURA").set("RCVPRT", "LI").set("RCVPFC", "LF")
                .set("RCVPRN", "0000100042").set("CREDAT", "20260302").set("CRETIM", "101530").build();
        List<Segment> segments = new ArrayList<>();
        segments.add(Segment.builder("E1EDK01").field("CURCY", "EUR").field("WKURS", "1.00000").field("ZTERM", "0001")
                .field("BSART", "NB").field("BELNR", number).field("RECIPNT_NO", "0000100042").build());
        segments.add(Segment.builder("E1EDK14").field("QUALF", "011").field("ORGID", "1000").build());
        segments.add(Segment.builder("E1EDK14").field("QUALF", "014").field("ORGID", "1000").build());
        segments.add(Segment.builder("E1EDK03").field("IDDAT", "012").field("DATUM", "20260302").build());
        for (String role : new String[]{"AG", "LF", "WE"}) {
            segments.add(Segment.builder("E1EDKA1").field("PARVW", role).field("PARTN", "0000100042")
                    .field("NAME1", "Procura Demo Buyer GmbH").field("STRAS", "Hauptstrasse 1").field("ORT01", "Walldorf")
                    .field("PSTLZ", "69190").field("LAND1", "DE").build());
        }
        segments.add(Segment.builder("E1EDK02").field("QUALF", "001").field("BELNR", number).field("DATUM", "20260302").build());
        for (int item = 1; item <= 10; item++) {
            segments.add(Segment.builder("E1EDP01").field("POSEX", String.format("%05d", item * 10)).field("ACTION", "001")
                    .field("MENGE", item + ".000").field("MENEE", "PCE").field("BMNG2", item + ".000").field("PMENE", "PCE")
                    .field("VPREI", "12.50").field("PEINH", "1").field("NETWR", (item * 12.5) + "").field("WERKS", "1000")
                    .child(Segment.builder("E1EDP20").field("WMENG", item + ".000").field("EDATU", "20260315").build())
                    .child(Segment.builder("E1EDP19").field("QUALF", "001").field("IDTNR", "MAT-" + item)
                            .field("KTEXT", "Hex bolt M8x40 zinc plated").build())
                    .build());
        }
        segments.add(Segment.builder("E1EDS01").field("SUMID", "002").field("SUMME", "687.5").field("SUNIT", "EUR").build());
        return new Idoc(control, segments);
    }
}
