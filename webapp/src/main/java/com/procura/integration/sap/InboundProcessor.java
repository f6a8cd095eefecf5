package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocStatus;
import com.procura.integration.idoc.StatusIdocs;
import com.procura.orders.OrderDraft;
import com.procura.orders.OrderImport.ImportException;
import com.procura.orders.OrderImport.ImportResult;
import com.procura.orders.OrderService;
import com.procura.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received IDocs into orders, oldest first, many IDocs to a transaction: the orders, the
 * queue states and the STATUS IDocs for SAP commit together, so that a crash at any point leaves
 * each IDoc either processed with its STATUS queued, or still waiting. An IDoc that is refused (a
 * wrong field, an order that exists already, ...) is failed inside its batch without touching the
 * others; when a batch fails for any other reason, it is rolled back and its IDocs are processed one
 * by one, so that one IDoc the database refuses cannot hold up the rest.
 */
final class InboundProcessor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    private static final int MAX_TECHNICAL_ATTEMPTS = 5;
    private static final int PAGE = 1000;
    private static final int BATCH = 200;

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

    /** Goes on while IDocs are due, so that a backlog is worked off without pauses. */
    @Override
    public void run() {
        int processed;
        do {
            processed = processWaiting();
        } while (processed > 0);
    }

    private int processWaiting() {
        List<InboundQueue.Entry> due = inbound.waiting(PAGE).stream()
                .filter(entry -> !notBefore.getOrDefault(entry.id(), Instant.MIN).isAfter(Instant.now()))
                .toList();
        for (int start = 0; start < due.size(); ) {
            List<InboundQueue.Entry> batch = nextBatch(due, start);
            if (batch.size() == 1 || !importedTogether(batch)) {
                batch.forEach(this::importAlone);
            }
            start += batch.size();
        }
        return due.size();
    }

    /**
     * Up to {@value #BATCH} IDocs; a change (ORDCHG) goes alone, once everything before it is
     * committed, and a batch ends before a second IDoc with the same sender and DOCNUM, so that the
     * second one finds the first one's outcome in the queue.
     */
    private static List<InboundQueue.Entry> nextBatch(List<InboundQueue.Entry> entries, int start) {
        Set<String> docnums = new HashSet<>();
        int end = start;
        while (end < entries.size() && end - start < BATCH) {
            InboundQueue.Entry entry = entries.get(end);
            boolean change = IdocOrderMapper.isChange(entry.messageType());
            if (end > start && (change || !entry.docnum().isBlank() && docnums.contains(key(entry)))) {
                break;
            }
            docnums.add(key(entry));
            end++;
            if (change) {
                break;
            }
        }
        return entries.subList(start, end);
    }

    private boolean importedTogether(List<InboundQueue.Entry> batch) {
        try {
            importInOneTransaction(batch, batch.stream().map(inbound::idocOf).toList());
            batch.forEach(entry -> {
                technicalFailures.remove(entry.id());
                notBefore.remove(entry.id());
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debug("A batch of {} IDocs failed ({}); processing them one by one", batch.size(), e.toString());
            return false;
        }
    }

    private void importAlone(InboundQueue.Entry entry) {
        try {
            importInOneTransaction(List.of(entry), List.of(inbound.idocOf(entry)));
            technicalFailures.remove(entry.id());
            notBefore.remove(entry.id());
        } catch (RuntimeException e) {
            int failures = technicalFailures.merge(entry.id(), 1, Integer::sum);
            LOG.warn("Processing IDoc {} from {} failed (attempt {}): {}", entry.docnum(), entry.sender(), failures, e.toString());
            notBefore.put(entry.id(), Instant.now().plusSeconds(1L << failures));
            if (failures >= MAX_TECHNICAL_ATTEMPTS) {
                technicalFailures.remove(entry.id());
                notBefore.remove(entry.id());
                failForGood(entry, "processing failed " + failures + " times: " + e.getMessage());
            }
        }
    }

    private void failForGood(InboundQueue.Entry entry, String error) {
        try (Connection connection = database.dataSource().getConnection()) {
            InboundQueue.finish(connection, List.of(new InboundQueue.Outcome(entry.id(), InboundState.FAILED, null, null, error)));
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the failure of inbound entry " + entry.id() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * New orders are written with JDBC batches and changes through the order entities, on the
     * transaction's one connection.
     */
    private void importInOneTransaction(List<InboundQueue.Entry> entries, List<Idoc> idocs) {
        database.inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                Map<String, InboundState> earlier = earlierOutcomes(connection, entries);
                Outcomes outcomes = new Outcomes();
                List<NewOrder> newOrders = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    InboundQueue.Entry entry = entries.get(i);
                    Idoc idoc = idocs.get(i);
                    Optional<SapPartner> partner = partners.forSender(entry.sender());
                    if (partner.isEmpty()) {
                        outcomes.noPartner(entry);
                    } else if (!entry.docnum().isBlank() && earlier.containsKey(key(entry))) {
                        outcomes.duplicate(entry, idoc, partner.get(), earlier.get(key(entry)));
                    } else {
                        try {
                            OrderDraft draft = IdocOrderMapper.map(idoc, partner.get());
                            if (draft.source().change()) {
                                outcomes.imported(entry, idoc, partner.get(), draft, orders.applyChange(em, draft));
                            } else {
                                newOrders.add(new NewOrder(entry, idoc, partner.get(), draft));
                            }
                        } catch (ImportException e) {
                            outcomes.imported(entry, idoc, partner.get(), null, ImportResult.refused(e));
                        }
                    }
                }
                if (!newOrders.isEmpty()) {
                    List<ImportResult> created = orders.createOrders(connection, newOrders.stream().map(NewOrder::draft).toList());
                    for (int i = 0; i < created.size(); i++) {
                        NewOrder order = newOrders.get(i);
                        outcomes.imported(order.entry(), order.idoc(), order.partner(), order.draft(), created.get(i));
                    }
                }
                InboundQueue.finish(connection, outcomes.states);
                Outbox.enqueue(connection, outcomes.statuses);
            } catch (SQLException e) {
                throw new IllegalStateException("Importing " + entries.size() + " IDoc(s) failed: " + e.getMessage(), e);
            }
        });
    }

    private record NewOrder(InboundQueue.Entry entry, Idoc idoc, SapPartner partner, OrderDraft draft) {
    }

    private static String key(InboundQueue.Entry entry) {
        return entry.sender() + "\u0000" + entry.docnum();
    }

    /**
     * How earlier IDocs with the same sender and DOCNUM as these ended, in one query: the first outcome
     * of each. The pairs as a row list, so that the (sender, docnum) index finds them.
     */
    private static Map<String, InboundState> earlierOutcomes(Connection connection, List<InboundQueue.Entry> entries)
            throws SQLException {
        Map<String, InboundState> outcomes = new HashMap<>();
        List<InboundQueue.Entry> numbered = entries.stream().filter(entry -> !entry.docnum().isBlank()).toList();
        if (numbered.isEmpty()) {
            return outcomes;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT sender, docnum, state FROM sap_inbound "
                + "WHERE (sender, docnum) IN (" + String.join(", ", Collections.nCopies(numbered.size(), "(?, ?)"))
                + ") AND state IN ('PROCESSED', 'FAILED', 'OUTDATED') ORDER BY id")) {
            for (int i = 0; i < numbered.size(); i++) {
                statement.setString(2 * i + 1, numbered.get(i).sender());
                statement.setString(2 * i + 2, numbered.get(i).docnum());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.putIfAbsent(rows.getString(1) + "\u0000" + rows.getString(2), InboundState.valueOf(rows.getString(3)));
                }
            }
        }
        return outcomes;
    }

    /** The new queue states and the STATUS IDocs for SAP of one transaction. */
    private final class Outcomes {
        final List<InboundQueue.Outcome> states = new ArrayList<>();
        final List<Outbox.Outgoing> statuses = new ArrayList<>();

        void noPartner(InboundQueue.Entry entry) {
            states.add(new InboundQueue.Outcome(entry.id(), InboundState.FAILED, null, null, "no partner profile for sender '"
                    + entry.sender() + "' and no default profile: add one under Admin > SAP partners, then retry"));
        }

        void duplicate(InboundQueue.Entry entry, Idoc idoc, SapPartner partner, InboundState earlier) {
            states.add(new InboundQueue.Outcome(entry.id(), InboundState.DUPLICATE, null, null, "already received as IDoc "
                    + entry.docnum() + " from " + entry.sender() + " (" + earlier + "); nothing created again"));
            status(partner, idoc, earlier == InboundState.PROCESSED ? IdocStatus.APPLICATION_DOCUMENT_CREATED
                    : IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED, "Already received; nothing created again", entry.docnum());
        }

        void imported(InboundQueue.Entry entry, Idoc idoc, SapPartner partner, OrderDraft draft, ImportResult result) {
            String noStatus = entry.docnum().isBlank() ? "no STATUS sent: the IDoc has no DOCNUM" : null;
            switch (result.outcome()) {
                case CREATED, CHANGED -> {
                    states.add(new InboundQueue.Outcome(entry.id(), InboundState.PROCESSED, draft.orderNumber(),
                            result.orderId(), noStatus));
                    status(partner, idoc, IdocStatus.APPLICATION_DOCUMENT_CREATED, "Purchase order " + draft.orderNumber()
                            + (result.outcome() == ImportResult.Outcome.CREATED ? " created" : " changed"), draft.orderNumber());
                }
                case OUTDATED -> {
                    states.add(new InboundQueue.Outcome(entry.id(), InboundState.OUTDATED, draft.orderNumber(),
                            result.orderId(), "a newer change of order " + draft.orderNumber() + " was applied already"));
                    status(partner, idoc, IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED,
                            "Not applied: a newer change was applied already", draft.orderNumber());
                }
                case REFUSED -> {
                    ImportException reason = result.refusal();
                    states.add(new InboundQueue.Outcome(entry.id(), InboundState.FAILED, null, null, reason.getMessage()));
                    status(partner, idoc, IdocStatus.APPLICATION_DOCUMENT_NOT_CREATED, reason.getMessage(), entry.docnum(),
                            reason.segment(), reason.field());
                    LOG.info("IDoc {} from {} rejected: {}", entry.docnum(), entry.sender(), reason.getMessage());
                }
            }
        }

        /** STATXT holds 70 characters; segment and field of a refusal go into STAPA1 and STAPA2. */
        private void status(SapPartner partner, Idoc idoc, IdocStatus status, String text, String reference,
                String... parameters) {
            if (idoc.docnum().isBlank()) {
                return;
            }
            String[] params = Arrays.stream(parameters).filter(p -> p != null && !p.isBlank())
                    .map(p -> p.length() > 20 ? p.substring(0, 20) : p).limit(4).toArray(String[]::new);
            Idoc statusIdoc = StatusIdocs.forInboundIdoc(idoc, status, text.length() > 70 ? text.substring(0, 70) : text,
                    clock, params);
            String sequence = reference == null || reference.isBlank() ? "idoc:" + idoc.docnum() : "order:" + reference;
            statuses.add(new Outbox.Outgoing(partner.id(), Outbox.Kind.STATUS, sequence, idoc.docnum().trim(),
                    reference == null || reference.isBlank() ? idoc.docnum().trim() : reference, IdocText.write(statusIdoc, partner)));
        }
    }
}
