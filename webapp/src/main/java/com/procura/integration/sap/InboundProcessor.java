package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocStatus;
import com.procura.integration.idoc.StatusIdocs;
import com.procura.orders.OrderDraft;
import com.procura.orders.OrderImport;
import com.procura.orders.OrderService;
import com.procura.platform.db.Database;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received IDocs into orders. Each IDoc is one transaction: the order (or change), the new
 * queue state and the STATUS IDoc for SAP commit together, so that a crash at any point leaves the
 * IDoc either processed with its STATUS queued, or still waiting.
 */
final class InboundProcessor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    private static final int MAX_TECHNICAL_ATTEMPTS = 5;
    private static final int BATCH = 50;

    private final Database database;
    private final InboundQueue inbound;
    private final PartnerProfiles partners;
    private final OrderService orders;
    private final Clock clock;
    private final Map<Long, Integer> technicalFailures = new HashMap<>();
    private final Map<Long, Instant> notBefore = new HashMap<>();

    InboundProcessor(Database database, InboundQueue inbound, PartnerProfiles partners, OrderService orders, Clock clock) {
        this.database = database;
        this.inbound = inbound;
        this.partners = partners;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * IDocs are imported in batches of up to {@value #BATCH} per transaction; when anything in a
     * batch fails, the batch is rolled back and its IDocs are processed one by one, so that one bad
     * IDoc is refused alone.
     */
    @Override
    public void run() {
        List<InboundQueue.Entry> waiting = inbound.waiting(1000).stream()
                .filter(entry -> !notBefore.getOrDefault(entry.id(), Instant.MIN).isAfter(Instant.now()))
                .toList();
        Map<Long, List<Idoc>> parsed = new HashMap<>();
        for (int start = 0; start < waiting.size(); start += BATCH) {
            List<InboundQueue.Entry> batch = waiting.subList(start, Math.min(waiting.size(), start + BATCH));
            List<Idoc> idocs = batch.stream().map(entry -> parsed.computeIfAbsent(entry.payloadId(),
                    id -> IdocPayloads.parse(inbound.payload(id), "payload " + id)).get(entry.idocIndex())).toList();
            if (batch.size() == 1 || !importBatch(batch, idocs)) {
                for (int i = 0; i < batch.size(); i++) {
                    process(batch.get(i), idocs.get(i));
                }
            }
        }
    }

    private boolean importBatch(List<InboundQueue.Entry> batch, List<Idoc> idocs) {
        try {
            database.inTransaction(em -> {
                // Without this, every query would first compare every order already in the batch for changes.
                em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
                Map<String, InboundState> outcomes = earlierOutcomes(em, batch);
                for (int i = 0; i < batch.size(); i++) {
                    InboundQueue.Entry entry = batch.get(i);
                    SapPartner partner = partners.forSender(entry.sender())
                            .orElseThrow(() -> new IllegalStateException("no partner profile"));
                    importIdoc(em, entry, idocs.get(i), partner, outcomes);
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debug("A batch of {} IDocs failed ({}); processing them one by one", batch.size(), e.toString());
            return false;
        }
    }

    private void process(InboundQueue.Entry entry, Idoc idoc) {
        Optional<SapPartner> partner = partners.forSender(entry.sender());
        if (partner.isEmpty()) {
            database.inTransaction(em -> finish(em, entry, InboundState.FAILED, null, null,
                    "no partner profile for sender '" + entry.sender() + "' and no default profile: add one under "
                            + "Admin > SAP partners, then retry"));
            return;
        }
        try {
            database.inTransaction(em -> importIdoc(em, entry, idoc, partner.get(), earlierOutcomes(em, List.of(entry))));
            technicalFailures.remove(entry.id());
            notBefore.remove(entry.id());
        } catch (OrderImport.ImportException e) {
            database.inTransaction(em -> {
                finish(em, entry, InboundState.FAILED, null, null, e.getMessage());
                queueStatus(em, partner.get(), idoc, IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED, e.getMessage(),
                        entry.docnum(), e.segment(), e.field());
            });
            LOG.info("IDoc {} from {} rejected: {}", entry.docnum(), entry.sender(), e.getMessage());
        } catch (RuntimeException e) {
            int failures = technicalFailures.merge(entry.id(), 1, Integer::sum);
            LOG.warn("Processing IDoc {} from {} failed (attempt {}): {}", entry.docnum(), entry.sender(), failures, e.toString());
            notBefore.put(entry.id(), Instant.now().plusSeconds(1L << failures));
            if (failures >= MAX_TECHNICAL_ATTEMPTS) {
                technicalFailures.remove(entry.id());
                notBefore.remove(entry.id());
                database.inTransaction(em -> finish(em, entry, InboundState.FAILED, null, null,
                        "processing failed " + failures + " times: " + e.getMessage()));
            }
        }
    }

    private void importIdoc(EntityManager em, InboundQueue.Entry entry, Idoc idoc, SapPartner partner,
            Map<String, InboundState> outcomes) {
        Optional<InboundState> earlier = entry.docnum().isBlank() ? Optional.empty()
                : Optional.ofNullable(outcomes.get(key(entry.sender(), entry.docnum())));
        if (earlier.isPresent()) {
            boolean created = earlier.get() == InboundState.PROCESSED;
            finish(em, entry, InboundState.DUPLICATE, null, null, "already received as IDoc " + entry.docnum()
                    + " from " + entry.sender() + " (" + earlier.get() + "); nothing created again");
            queueStatus(em, partner, idoc, created ? IdocStatus.APPLICATION_DOCUMENT_CREATED
                    : IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED, "Already received; nothing created again", entry.docnum());
            return;
        }
        OrderDraft draft = IdocOrderMapper.map(idoc, partner);
        OrderImport.ImportResult result = orders.importDraft(em, draft);
        boolean outdated = result.outcome() == OrderImport.ImportResult.Outcome.OUTDATED;
        String note = entry.docnum().isBlank() ? "no STATUS sent: the IDoc has no DOCNUM" : null;
        finish(em, entry, outdated ? InboundState.OUTDATED : InboundState.PROCESSED, draft.orderNumber(),
                result.orderId(), outdated ? "a newer change of order " + draft.orderNumber() + " was applied already" : note);
        String text = switch (result.outcome()) {
            case CREATED -> "Purchase order " + draft.orderNumber() + " created";
            case CHANGED -> "Purchase order " + draft.orderNumber() + " changed";
            case OUTDATED -> "Not applied: a newer change was applied already";
        };
        queueStatus(em, partner, idoc, outdated ? IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED
                : IdocStatus.APPLICATION_DOCUMENT_CREATED, text, draft.orderNumber());
        if (!entry.docnum().isBlank()) {
            outcomes.put(key(entry.sender(), entry.docnum()), outdated ? InboundState.OUTDATED : InboundState.PROCESSED);
        }
    }

    private static String key(String sender, String docnum) {
        return sender + "\u0000" + docnum;
    }

    /**
     * How earlier IDocs with the same sender and DOCNUM as these ended, in one query for the batch:
     * the first outcome per sender and DOCNUM. IDocs of the batch itself are added as they are processed.
     */
    private static Map<String, InboundState> earlierOutcomes(EntityManager em, List<InboundQueue.Entry> entries) {
        Map<String, InboundState> outcomes = new HashMap<>();
        List<String> docnums = entries.stream().map(InboundQueue.Entry::docnum).filter(d -> !d.isBlank()).distinct().toList();
        if (docnums.isEmpty()) {
            return outcomes;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(docnums.size(), "?"));
        var query = em.createNativeQuery("SELECT sender, docnum, state FROM sap_inbound WHERE docnum IN (" + marks
                + ") AND state IN ('PROCESSED', 'FAILED', 'OUTDATED') ORDER BY id");
        for (int i = 0; i < docnums.size(); i++) {
            query.setParameter(i + 1, docnums.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] values = (Object[]) row;
            outcomes.putIfAbsent(key(values[0].toString(), values[1].toString()), InboundState.valueOf(values[2].toString()));
        }
        return outcomes;
    }

    private static void finish(EntityManager em, InboundQueue.Entry entry, InboundState state, String orderNumber,
            Long orderId, String error) {
        int updated = em.createNativeQuery("UPDATE sap_inbound SET state = ?, order_number = ?, order_id = ?, error = ?, "
                        + "attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'RECEIVED'")
                .setParameter(1, state.name()).setParameter(2, orderNumber).setParameter(3, orderId)
                .setParameter(4, InboundQueue.truncate(error, 1000)).setParameter(5, Timestamp.from(Instant.now()))
                .setParameter(6, entry.id()).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("inbound entry " + entry.id() + " was processed by someone else");
        }
    }

    /** STATXT holds 70 characters; segment and field of a refusal go into STAPA1 and STAPA2. */
    private void queueStatus(EntityManager em, SapPartner partner, Idoc idoc, IdocStatus status, String text,
            String reference, String... parameters) {
        if (idoc.docnum().isBlank()) {
            return;
        }
        String[] params = java.util.Arrays.stream(parameters).filter(p -> p != null && !p.isBlank())
                .map(p -> p.length() > 20 ? p.substring(0, 20) : p).limit(4).toArray(String[]::new);
        Idoc statusIdoc = StatusIdocs.forInboundIdoc(idoc, status, text.length() > 70 ? text.substring(0, 70) : text,
                clock, params);
        String sequence = reference == null || reference.isBlank() ? "idoc:" + idoc.docnum() : "order:" + reference;
        Outbox.enqueue(em, partner, Outbox.Kind.STATUS, sequence, idoc.docnum().trim(),
                reference == null || reference.isBlank() ? idoc.docnum().trim() : reference, IdocText.write(statusIdoc, partner));
    }
}
