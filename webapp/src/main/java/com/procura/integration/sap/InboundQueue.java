package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocFormatException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything that arrives from SAP is stored here first, untouched, in one transaction with one
 * queue row per IDoc it holds; only then is the sender told "received". Processing reads from here.
 */
public final class InboundQueue {
    /** What storing a payload found: how many IDocs it held, or why it is not an IDoc at all. */
    public record Receipt(long payloadId, int idocCount, String error, boolean alreadyReceived) {
        public boolean accepted() {
            return error == null;
        }
    }

    /** A row of the inbound queue. */
    public record Entry(long id, long payloadId, int idocIndex, Instant receivedAt, String sender, String docnum,
            String idocType, String messageType, String createdAt, InboundState state, String orderNumber,
            Long orderId, String error, int attempts, Instant updatedAt) {
    }

    private static final String ENTRY_COLUMNS = "id, payload_id, idoc_index, received_at, sender, docnum, idoc_type, "
            + "message_type, created_at, state, order_number, order_id, error, attempts, updated_at";

    private final DataSource dataSource;

    public InboundQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A payload as it arrived: where from, and its bytes. */
    public record Incoming(String sourceName, byte[] content) {
    }

    public Receipt store(String channel, String sourceName, byte[] content) {
        return storeAll(channel, List.of(new Incoming(sourceName, content))).get(0);
    }

    /** Stores several payloads in one transaction: all of them, or (on a database error) none. */
    public List<Receipt> storeAll(String channel, List<Incoming> payloads) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Receipt> receipts = new ArrayList<>();
                for (Incoming payload : payloads) {
                    receipts.add(store(connection, channel, payload));
                }
                connection.commit();
                return receipts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + payloads.size() + " received payload(s) failed: " + e.getMessage(), e);
        }
    }

    private Receipt store(Connection connection, String channel, Incoming payload) throws SQLException {
        String sha256 = sha256(payload.content());
        List<Idoc> idocs;
        String error = null;
        try {
            idocs = IdocPayloads.parse(payload.content(), payload.sourceName());
            if (idocs.isEmpty()) {
                error = payload.sourceName() + ": no IDoc found in the payload";
            }
        } catch (IdocFormatException | IdocPayloads.NotAnIdocException e) {
            idocs = List.of();
            error = e.getMessage();
        }
        Optional<Long> earlier = "FILE".equals(channel)
                ? findPayload(connection, payload.sourceName(), sha256) : Optional.empty();
        if (earlier.isPresent()) {
            return new Receipt(earlier.get(), idocs.size(), error, true);
        }
        long payloadId = insertPayload(connection, channel, payload.sourceName(), sha256, payload.content(), error);
        insertEntries(connection, payloadId, idocs);
        return new Receipt(payloadId, idocs.size(), error, false);
    }

    /** A file seen again after a crash between storing it and moving it away is not stored twice. */
    private static Optional<Long> findPayload(Connection connection, String sourceName, String sha256) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM sap_payload WHERE sha256 = ? AND source_name = ?")) {
            statement.setString(1, sha256);
            statement.setString(2, sourceName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insertPayload(Connection connection, String channel, String sourceName, String sha256,
            byte[] content, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sap_payload (received_at, channel, "
                + "source_name, sha256, size_bytes, content, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setTimestamp(1, Timestamp.from(Instant.now()));
            statement.setString(2, channel);
            statement.setString(3, truncate(sourceName, 300));
            statement.setString(4, sha256);
            statement.setInt(5, content.length);
            statement.setBytes(6, content);
            statement.setString(7, truncate(error, 1000));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertEntries(Connection connection, long payloadId, List<Idoc> idocs) throws SQLException {
        if (idocs.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sap_inbound (payload_id, idoc_index, "
                + "received_at, sender, docnum, idoc_type, message_type, created_at, state, attempts, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            for (int i = 0; i < idocs.size(); i++) {
                var control = idocs.get(i).control();
                statement.setLong(1, payloadId);
                statement.setInt(2, i);
                statement.setTimestamp(3, now);
                statement.setString(4, truncate(control.sndprn(), 10));
                statement.setString(5, truncate(control.docnum(), 16));
                statement.setString(6, truncate(control.cimtyp().isBlank() ? control.idoctyp() : control.idoctyp() + "/" + control.cimtyp(), 30));
                statement.setString(7, truncate(control.mestyp(), 30));
                statement.setString(8, truncate(control.credat() + control.get("CRETIM"), 14));
                statement.setString(9, InboundState.RECEIVED.name());
                statement.setTimestamp(10, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public List<Entry> waiting(int limit) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM sap_inbound WHERE state = 'RECEIVED' ORDER BY id", limit);
    }

    public List<Entry> recent(InboundState state, int limit) {
        return state == null
                ? query("SELECT " + ENTRY_COLUMNS + " FROM sap_inbound ORDER BY id DESC", limit)
                : query("SELECT " + ENTRY_COLUMNS + " FROM sap_inbound WHERE state = '" + state.name() + "' ORDER BY id DESC", limit);
    }

    public Optional<Entry> find(long id) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM sap_inbound WHERE id = " + id, 1).stream().findFirst();
    }

    /** Sends a failed IDoc through processing again (after the cause was fixed, e.g. a partner profile). */
    public boolean retry(long id) {
        return update("UPDATE sap_inbound SET state = 'RECEIVED', error = NULL, updated_at = ? WHERE id = ? "
                + "AND state IN ('FAILED', 'OUTDATED')", id) == 1;
    }

    public byte[] payload(long payloadId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT content FROM sap_payload WHERE id = ?")) {
            statement.setLong(1, payloadId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : new byte[0];
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading payload " + payloadId + " failed: " + e.getMessage(), e);
        }
    }

    /** Payloads that were not IDocs at all: no queue row, only the archived payload and its error. */
    public List<String[]> rejectedPayloads(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id, received_at, channel, source_name, "
                     + "error FROM sap_payload WHERE error IS NOT NULL ORDER BY id DESC")) {
            statement.setMaxRows(limit);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new String[] {result.getString(1), result.getTimestamp(2).toInstant().toString(),
                        result.getString(3), result.getString(4), result.getString(5)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading rejected payloads failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(Instant.now()));
            statement.setLong(2, id);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Updating inbound entry " + id + " failed: " + e.getMessage(), e);
        }
    }

    private List<Entry> query(String sql, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object orderId = rows.getObject(12);
                    entries.add(new Entry(rows.getLong(1), rows.getLong(2), rows.getInt(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), InboundState.valueOf(rows.getString(10)),
                            rows.getString(11), orderId == null ? null : ((Number) orderId).longValue(), rows.getString(13), rows.getInt(14),
                            rows.getTimestamp(15).toInstant()));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the inbound queue failed: " + e.getMessage(), e);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
