package com.procura.integration.sap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: at least once, in order per order, with growing pauses while SAP is
 * unreachable (2 s, 4 s, ... up to 10 minutes) and a dead letter after the partner's maximum attempts.
 * State lives only in the database, so a restart continues where it stopped.
 */
final class OutboxSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final PartnerProfiles partners;
    private final OutboundPort port;

    OutboxSender(Outbox outbox, PartnerProfiles partners, OutboundPort port) {
        this.outbox = outbox;
        this.partners = partners;
        this.port = port;
    }

    @Override
    public void run() {
        List<Outbox.Message> due = outbox.due(500);
        List<Long> sent = new java.util.ArrayList<>();
        for (Outbox.Message message : due) {
            if (send(message)) {
                sent.add(message.id());
            }
        }
        outbox.markSent(sent);
    }

    /** Delivers one message; failures are recorded at once, successes by the caller in one update. */
    private boolean send(Outbox.Message message) {
        Optional<SapPartner> partner = partners.find(message.partnerId());
        try {
            if (partner.isEmpty()) {
                throw new IllegalStateException("partner profile " + message.partnerId() + " no longer exists");
            }
            String where = port.deliver(message, partner.get());
            LOG.debug("Sent {} {} for {} to {}", message.kind(), message.docnum(), message.reference(), where);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            int attempts = message.attempts() + 1;
            int max = partner.map(SapPartner::maxAttempts).orElse(1);
            boolean dead = attempts >= max;
            long seconds = Math.min(MAX_PAUSE.toSeconds(), 1L << Math.min(attempts, 20));
            outbox.markFailed(message.id(), e.getMessage(), Instant.now().plusSeconds(seconds), dead);
            LOG.warn("Sending {} {} failed (attempt {} of {}){}: {}", message.kind(), message.docnum(), attempts, max,
                    dead ? ", given up" : ", retrying in " + seconds + " s", e.getMessage());
            return false;
        }
    }
}
