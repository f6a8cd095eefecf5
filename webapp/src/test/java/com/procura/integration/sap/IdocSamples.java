package com.procura.integration.sap;

import com.procura.integration.idoc.ControlRecord;
import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocXmlWriter;
import com.procura.integration.idoc.Segment;
import java.util.ArrayList;
import java.util.List;

/** ORDERS05 purchase orders as SAP's MM outbound sends them to a vendor, built with the IDoc model. */
final class IdocSamples {
    static final String SAP_SYSTEM = "NWDCLNT100";

    private IdocSamples() {
    }

    /** An item: POSEX, material, quantity, price, delivery date (YYYYMMDD). */
    record Item(int posex, String material, String quantity, String price, String date, String action) {
        Item(int posex, String material, String quantity, String price, String date) {
            this(posex, material, quantity, price, date, null);
        }
    }

    static Idoc order(String message, String docnum, String orderNumber, String vendor, String createdAt, List<Item> items,
            Segment... extraSegments) {
        ControlRecord control = ControlRecord.builder()
                .set("TABNAM", "EDI_DC40").set("MANDT", "100").set("DOCNUM", docnum).set("DIRECT", "1")
                .set("IDOCTYP", "ORDERS05").set("MESTYP", message)
                .set("SNDPOR", "SAPNWD").set("SNDPRT", "LS").set("SNDPRN", SAP_SYSTEM)
                .set("RCVPOR", "PROCURA").set("RCVPRT", "LI").set("RCVPRN", vendor)
                .set("CREDAT", createdAt.substring(0, 8)).set("CRETIM", createdAt.substring(8))
                .build();
        List<Segment> segments = new ArrayList<>();
        segments.add(Segment.builder("E1EDK01").field("ACTION", "004").field("CURCY", "EUR").field("BELNR", orderNumber).build());
        segments.add(Segment.builder("E1EDK03").field("IDDAT", "012").field("DATUM", "20261201").build());
        segments.add(Segment.builder("E1EDKA1").field("PARVW", "LF").field("PARTN", vendor)
                .field("NAME1", "Schmidt Präzisionsteile GmbH").field("ORT01", "Stuttgart").field("LAND1", "DE").build());
        segments.add(Segment.builder("E1EDK02").field("QUALF", "001").field("BELNR", orderNumber).field("DATUM", "20261201").build());
        for (Item item : items) {
            Segment.Builder p01 = Segment.builder("E1EDP01").field("POSEX", String.format("%06d", item.posex()));
            if (item.action() != null) {
                p01.field("ACTION", item.action());
            }
            if (item.quantity() != null) {
                p01.field("MENGE", item.quantity());
            }
            p01.field("MENEE", "PCE").field("VPREI", item.price()).field("PEINH", "1")
                    .child(Segment.builder("E1EDP20").field("WMENG", item.quantity() == null ? "" : item.quantity())
                            .field("EDATU", item.date()).build())
                    .child(Segment.builder("E1EDP19").field("QUALF", "001").field("IDTNR", item.material())
                            .field("KTEXT", "Part " + item.material()).build());
            segments.add(p01.build());
        }
        segments.addAll(List.of(extraSegments));
        return new Idoc(control, segments);
    }

    static String orderXml(String docnum, String orderNumber, Item... items) {
        return IdocXmlWriter.create().write(order("ORDERS", docnum, orderNumber, "100001", "20261201120000", List.of(items)));
    }

    /** Ten items, as in the throughput target. */
    static String tenLineOrderXml(String docnum, String orderNumber) {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            items.add(new Item(i * 10, "MAT-" + (1000 + i), String.valueOf(i * 5), "12.50", "20261224"));
        }
        return IdocXmlWriter.create().write(order("ORDERS", docnum, orderNumber, "100001", "20261201120000", items));
    }
}
