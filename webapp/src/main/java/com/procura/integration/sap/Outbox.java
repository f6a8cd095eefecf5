package com.procura.integration.sap;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The durable outbox: every IDoc for SAP is written here in the same transaction as the change that
 * caused it, then delivered at least once, in order per sequence key (one order), by {@link OutboxSender}.
 */
public final class Outbox {
    /** What kind of IDoc a message carries. */
    public enum Kind { STATUS, ORDRSP }

    /** A row of the outbox. */
    public record Message(long id, Instant createdAt, long partnerId, Kind kind, String sequenceKey, String docnum,
            String reference, String content, OutboundState state, int attempts, Instant nextAttemptAt,
            String lastError, Instant sentAt) {
    }

    private static final String COLUMNS = "id, created_at, partner_id, kind, sequence_key, docnum, reference, content, "
            + "state, attempts, next_attempt_at, last_error, sent_at";

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A message to queue: for which partner, what, in which sequence (one order), and its IDoc text. */
    record Outgoing(long partnerId, Kind kind, String sequenceKey, String docnum, String reference, String content) {
    }

    /** Queues a message inside the caller's JPA transaction. */
    static void enqueue(EntityManager em, Outgoing message) {
        try {
            enqueue(em.unwrap(Connection.class), List.of(message));
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing " + message.kind() + " " + message.docnum() + " failed: " + e.getMessage(), e);
        }
    }

    /** Queues messages inside the caller's transaction, in one batch. */
    static void enqueue(Connection connection, List<Outgoing> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sap_outbound (created_at, partner_id, "
                + "kind, sequence_key, docnum, reference, content, state, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)")) {
            for (Outgoing message : messages) {
                statement.setTimestamp(1, now);
                statement.setLong(2, message.partnerId());
                statement.setString(3, message.kind().name());
                statement.setString(4, InboundQueue.truncate(message.sequenceKey(), 60));
                statement.setString(5, InboundQueue.truncate(message.docnum(), 16));
                statement.setString(6, InboundQueue.truncate(message.reference(), 100));
                statement.setString(7, message.content());
                statement.setTimestamp(8, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Messages due now whose sequence has nothing older still undelivered: a STATUS about an order
     * is never overtaken by a later ORDRSP for it.
     */
    List<Message> due(int limit) {
        return query("SELECT " + COLUMNS + " FROM sap_outbound o WHERE o.state IN ('PENDING', 'RETRYING') "
                + "AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM sap_outbound e WHERE e.sequence_key = "
                + "o.sequence_key AND e.id < o.id AND e.state <> 'SENT') ORDER BY o.id", limit, Timestamp.from(Instant.now()));
    }

    public List<Message> recent(OutboundState state, int limit) {
        return state == null
                ? query("SELECT " + COLUMNS + " FROM sap_outbound ORDER BY id DESC", limit)
                : query("SELECT " + COLUMNS + " FROM sap_outbound WHERE state = ? ORDER BY id DESC", limit, state.name());
    }

    public List<Message> forReference(String reference) {
        return query("SELECT " + COLUMNS + " FROM sap_outbound WHERE reference = ? ORDER BY id", 1000, reference);
    }

    public Optional<Message> find(long id) {
        return query("SELECT " + COLUMNS + " FROM sap_outbound WHERE id = ?", 1, id).stream().findFirst();
    }

    void markSent(List<Long> ids) {
        for (int start = 0; start < ids.size(); start += 500) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            Object[] values = new Object[chunk.size() + 1];
            values[0] = Timestamp.from(Instant.now());
            for (int i = 0; i < chunk.size(); i++) {
                values[i + 1] = chunk.get(i);
            }
            update("UPDATE sap_outbound SET state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL "
                    + "WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", values);
        }
    }

    void markFailed(long id, String error, Instant nextAttempt, boolean dead) {
        update("UPDATE sap_outbound SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE id = ?", dead ? "DEAD" : "RETRYING", Timestamp.from(nextAttempt),
                InboundQueue.truncate(error, 1000), id);
    }

    /** A dead or retrying message is tried again now. */
    public boolean retryNow(long id) {
        return update("UPDATE sap_outbound SET state = 'RETRYING', next_attempt_at = ? WHERE id = ? "
                + "AND state IN ('DEAD', 'RETRYING')", Timestamp.from(Instant.now()), id) == 1;
    }

    /** A sent message is queued again as a new copy, e.g. when SAP lost it. */
    public boolean resend(long id) {
        Optional<Message> original = find(id);
        if (original.isEmpty() || original.get().state() != OutboundState.SENT) {
            return false;
        }
        Message m = original.get();
        Timestamp now = Timestamp.from(Instant.now());
        update("INSERT INTO sap_outbound (created_at, partner_id, kind, sequence_key, docnum, reference, content, state, "
                + "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", now, m.partnerId(),
                m.kind().name(), m.sequenceKey(), m.docnum(), m.reference(), m.content(), now);
        return true;
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the outbox failed: " + e.getMessage(), e);
        }
    }

    private List<Message> query(String sql, int limit, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(limit);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            List<Message> messages = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp sent = rows.getTimestamp(13);
                    messages.add(new Message(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getLong(3),
                            Kind.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), OutboundState.valueOf(rows.getString(9)), rows.getInt(10),
                            rows.getTimestamp(11).toInstant(), rows.getString(12), sent == null ? null : sent.toInstant()));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the outbox failed: " + e.getMessage(), e);
        }
    }
}
