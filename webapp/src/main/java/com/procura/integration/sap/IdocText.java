package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocFlatWriter;
import com.procura.integration.idoc.IdocXmlWriter;
import java.util.concurrent.atomic.AtomicLong;

/** Our outgoing IDocs: numbered, and written in the format the partner wants. */
final class IdocText {
    /** 16-digit DOCNUMs from the clock, increasing within this process. */
    private static final AtomicLong LAST = new AtomicLong();

    private IdocText() {
    }

    static String nextDocnum() {
        long candidate = System.currentTimeMillis() * 100;
        long number = LAST.updateAndGet(previous -> Math.max(previous + 1, candidate));
        return String.format("%016d", number % 10_000_000_000_000_000L);
    }

    static String write(Idoc idoc, SapPartner partner) {
        return partner.fileFormat() == SapPartner.FileFormat.XML
                ? IdocXmlWriter.create().write(idoc)
                : IdocFlatWriter.create().write(idoc);
    }
}
