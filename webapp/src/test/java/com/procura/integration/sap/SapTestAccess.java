package com.procura.integration.sap;

import com.procura.orders.OrderQuery;
import com.procura.security.AccountPrincipal;
import com.procura.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What tests in other packages need of the SAP integration. */
public final class SapTestAccess {
    /** An item: POSEX, material, quantity, price, delivery date (YYYYMMDD). */
    public record Line(int posex, String material, String quantity, String price, String date) {
    }

    private SapTestAccess() {
    }

    public static String orderXml(String docnum, String orderNumber, Line... lines) {
        return IdocSamples.orderXml(docnum, orderNumber, Arrays.stream(lines)
                .map(l -> new IdocSamples.Item(l.posex(), l.material(), l.quantity(), l.price(), l.date()))
                .toArray(IdocSamples.Item[]::new));
    }

    public static String tenLineOrderXml(String docnum, String orderNumber) {
        return IdocSamples.tenLineOrderXml(docnum, orderNumber);
    }

    public static int parse(byte[] payload) {
        return IdocPayloads.parse(payload, "benchmark").size();
    }

    /** Waits until the IDoc became an order, and returns the order's id. */
    public static long awaitOrder(TestApp app, String docnum) {
        SapQueues.await("IDoc " + docnum + " processed", Duration.ofSeconds(30), () -> SapQueues.inbound(app).stream()
                .anyMatch(e -> e.docnum().equals(docnum) && e.state() == InboundState.PROCESSED));
        return SapQueues.entryFor(app, docnum).orderId();
    }

    public static String outFile(TestApp app, String prefix, Duration timeout) {
        SapQueues.await(prefix + " in DATA/sap/out", timeout, () -> !SapQueues.outFiles(app, prefix).isEmpty());
        List<Path> files = SapQueues.outFiles(app, prefix);
        return SapQueues.read(files.get(files.size() - 1));
    }

    public static long anyOrderOf(TestApp app, String username) {
        AccountPrincipal viewer = app.app().security().users().loginRecord(username).orElseThrow().principal();
        return app.app().orders().list(OrderQuery.firstPage(), viewer).rows().stream()
                .filter(r -> r.status() == com.procura.orders.OrderStatus.NEW).findFirst().orElseThrow().id();
    }
}
