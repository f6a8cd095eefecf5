package com.procura.integration.sap;

import com.procura.integration.idoc.ControlRecord;
import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.Segment;
import com.procura.orders.OrderLine;
import com.procura.orders.PurchaseOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The supplier's answer as an order response IDoc for SAP: basic type ORDERS05, message type
 * ORDRSP, sent by the vendor (partner type LI) to the buyer's logical system. Per item: the
 * confirmed quantity and date (E1EDP20), the confirmed price, or ACTION 003 with the rejection
 * reason (ABGRT and an item text).
 */
final class OrderResponses {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private OrderResponses() {
    }

    static Idoc ordrsp(PurchaseOrder order, SapPartner partner, String docnum, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        String vendor = order.getSupplier().getSapVendorNumber() == null ? "" : order.getSupplier().getSapVendorNumber();
        ControlRecord control = ControlRecord.builder()
                .set("TABNAM", "EDI_DC40")
                .set("DOCNUM", docnum)
                .set("DIRECT", "2")
                .set("IDOCTYP", "ORDERS05")
                .set("MESTYP", "ORDRSP")
                .set("SNDPOR", partner.ourPort())
                .set("SNDPRT", "LI")
                .set("SNDPRN", vendor)
                .set("RCVPOR", "SAP" + partner.logicalSystem().substring(0, Math.min(3, partner.logicalSystem().length())))
                .set("RCVPRT", "LS")
                .set("RCVPRN", partner.logicalSystem())
                .set("CREDAT", DATE.format(now))
                .set("CRETIM", TIME.format(now))
                .build();
        List<Segment> segments = new ArrayList<>();
        segments.add(Segment.builder("E1EDK01").field("ACTION", "000").field("CURCY", order.getCurrency())
                .field("BELNR", order.getOrderNumber()).build());
        segments.add(Segment.builder("E1EDK03").field("IDDAT", "012").field("DATUM", DATE.format(now.toLocalDate())).build());
        segments.add(Segment.builder("E1EDKA1").field("PARVW", "LF").field("PARTN", vendor)
                .field("NAME1", truncate(order.getSupplier().getName(), 35)).build());
        segments.add(Segment.builder("E1EDK02").field("QUALF", "001").field("BELNR", order.getOrderNumber())
                .field("DATUM", DATE.format(order.getOrderDate())).build());
        for (OrderLine line : order.getLines()) {
            segments.add(item(line));
        }
        return new Idoc(control, segments);
    }

    private static Segment item(OrderLine line) {
        Segment.Builder item = Segment.builder("E1EDP01")
                .field("POSEX", String.format("%06d", line.getLineNumber()))
                .field("MENEE", line.getUnit());
        if (line.isRejected()) {
            return item.field("ACTION", "003").field("MENGE", "0").field("ABGRT", truncate(line.getRejectionReason(), 40))
                    .child(Segment.builder("E1EDPT1").field("TDID", "F01").field("TSSPRAS_ISO", "EN")
                            .child(Segment.builder("E1EDPT2").field("TDLINE", truncate(line.getRejectionReason(), 70)).build())
                            .build())
                    .build();
        }
        BigDecimal quantity = line.getConfirmedQuantity() == null ? line.getQuantity() : line.getConfirmedQuantity();
        LocalDate date = line.getConfirmedDate() == null ? line.getRequestedDate() : line.getConfirmedDate();
        boolean changed = quantity.compareTo(line.getQuantity()) != 0
                || (date != null && !date.equals(line.getRequestedDate()))
                || line.getEffectivePrice().compareTo(line.getUnitPrice()) != 0;
        item.field("ACTION", changed ? "002" : "000")
                .field("MENGE", quantity.stripTrailingZeros().toPlainString())
                .field("VPREI", line.getEffectivePrice().toPlainString())
                .field("PEINH", "1");
        Segment.Builder schedule = Segment.builder("E1EDP20").field("WMENG", quantity.stripTrailingZeros().toPlainString());
        if (date != null) {
            schedule.field("EDATU", DATE.format(date));
        }
        return item.child(schedule.build()).build();
    }

    private static String truncate(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
