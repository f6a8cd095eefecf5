package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IDocs parsed when they arrived, held until they are processed, so that a payload is parsed once.
 * Only a shortcut: it holds IDocs from at most {@code maxBytes} of payload, and whatever is not here
 * (after a restart, or while processing lags far behind) is parsed again from the stored payload.
 */
final class ParsedIdocs {
    private record Key(long payloadId, int index) {
    }

    private record Held(Idoc idoc, long bytes) {
    }

    private final long maxBytes;
    private final ConcurrentHashMap<Key, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();

    ParsedIdocs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Called once the payload's queue entries are committed. */
    void offer(long payloadId, List<Idoc> idocs, int payloadBytes) {
        long bytesEach = Math.max(1, payloadBytes / Math.max(1, idocs.size()));
        for (int i = 0; i < idocs.size(); i++) {
            if (heldBytes.addAndGet(bytesEach) > maxBytes) {
                heldBytes.addAndGet(-bytesEach);
                return;
            }
            held.put(new Key(payloadId, i), new Held(idocs.get(i), bytesEach));
        }
    }

    Optional<Idoc> take(long payloadId, int index) {
        Held idoc = held.remove(new Key(payloadId, index));
        if (idoc == null) {
            return Optional.empty();
        }
        heldBytes.addAndGet(-idoc.bytes());
        return Optional.of(idoc.idoc());
    }
}
