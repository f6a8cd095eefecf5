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
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

    /**
     * Parsed IDocs take about 3.5 times their payload's size in memory: 5 MB of payload are some 1,000
     * ORDERS05 with 10 items, more than the file port lets wait.
     */
    private static final long PARSED_PAYLOAD_BYTES = 5_000_000;

    private final DataSource dataSource;
    private final ParsedIdocs parsed = new ParsedIdocs(PARSED_PAYLOAD_BYTES);

    public InboundQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }


    /** A payload as it arrived: where from, and its bytes. */
    public record Incoming(String sourceName, byte[] content) {
    }

    public Receipt store(String channel, String sourceName, byte[] content) {
        return storeAll(channel, List.of(new Incoming(sourceName, content))).get(0);
    }

    /**
     * Stores several payloads in one transaction: all of them, or (on a database error) none. Each is
     * parsed once, here; its IDocs are handed on to processing.
     */
    public List<Receipt> storeAll(String channel, List<Incoming> payloads) {
        List<Read> read = payloads.stream().map(InboundQueue::read).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Long> earlier = "FILE".equals(channel) ? storedBefore(connection, read) : Map.of();
                List<Read> fresh = read.stream().filter(payload -> !earlier.containsKey(payload.key())).toList();
                List<Long> ids = insertPayloads(connection, channel, fresh);
                insertEntries(connection, fresh, ids);
                connection.commit();
                List<Receipt> receipts = new ArrayList<>();
                int next = 0;
                for (Read payload : read) {
                    Long before = earlier.get(payload.key());
                    if (before != null) {
                        receipts.add(new Receipt(before, payload.idocs().size(), payload.error(), true));
                    } else {
                        long id = ids.get(next++);
                        parsed.offer(id, payload.idocs(), payload.payload().content().length);
                        receipts.add(new Receipt(id, payload.idocs().size(), payload.error(), false));
                    }
                }
                return receipts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + payloads.size() + " received payload(s) failed: " + e.getMessage(), e);
        }
    }

    /** A payload with what reading it found: its IDocs, or why it is no IDoc at all. */
    private record Read(Incoming payload, String sourceName, String sha256, List<Idoc> idocs, String error) {
        String key() {
            return sha256 + "\u0000" + sourceName;
        }
    }

    private static Read read(Incoming payload) {
        String sourceName = truncate(payload.sourceName(), 300);
        String sha256 = sha256(payload.content());
        try {
            List<Idoc> idocs = IdocPayloads.parse(payload.content(), payload.sourceName());
            return new Read(payload, sourceName, sha256, idocs,
                    idocs.isEmpty() ? payload.sourceName() + ": no IDoc found in the payload" : null);
        } catch (IdocFormatException | IdocPayloads.NotAnIdocException e) {
            return new Read(payload, sourceName, sha256, List.of(), e.getMessage());
        }
    }

    /** A file seen again after a crash between storing it and moving it away is not stored twice. */
    private static Map<String, Long> storedBefore(Connection connection, List<Read> payloads) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> hashes = payloads.stream().map(Read::sha256).distinct().toList();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, sha256, source_name FROM sap_payload "
                + "WHERE sha256 IN (" + String.join(", ", Collections.nCopies(hashes.size(), "?")) + ") ORDER BY id")) {
            for (int i = 0; i < hashes.size(); i++) {
                statement.setString(i + 1, hashes.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.putIfAbsent(rows.getString(2) + "\u0000" + rows.getString(3), rows.getLong(1));
                }
            }
        }
        return found;
    }

    private static List<Long> insertPayloads(Connection connection, String channel, List<Read> payloads) throws SQLException {
        if (payloads.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sap_payload (received_at, channel, "
                + "source_name, sha256, size_bytes, content, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Read payload : payloads) {
                statement.setTimestamp(1, now);
                statement.setString(2, channel);
                statement.setString(3, payload.sourceName());
                statement.setString(4, payload.sha256());
                statement.setInt(5, payload.payload().content().length);
                statement.setBytes(6, payload.payload().content());
                statement.setString(7, truncate(payload.error(), 1000));
                statement.addBatch();
            }
            statement.executeBatch();
            List<Long> ids = new ArrayList<>();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != payloads.size()) {
                throw new IllegalStateException("the database returned " + ids.size() + " ids for " + payloads.size()
                        + " stored payloads");
            }
            return ids;
        }
    }

    private static void insertEntries(Connection connection, List<Read> payloads, List<Long> payloadIds) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sap_inbound (payload_id, idoc_index, "
                + "received_at, sender, docnum, idoc_type, message_type, created_at, state, attempts, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            int count = 0;
            for (int p = 0; p < payloads.size(); p++) {
                List<Idoc> idocs = payloads.get(p).idocs();
                for (int i = 0; i < idocs.size(); i++) {
                    var control = idocs.get(i).control();
                    statement.setLong(1, payloadIds.get(p));
                    statement.setInt(2, i);
                    statement.setTimestamp(3, now);
                    statement.setString(4, truncate(control.sndprn(), 10));
                    statement.setString(5, truncate(control.docnum(), 16));
                    statement.setString(6, truncate(control.cimtyp().isBlank() ? control.idoctyp()
                            : control.idoctyp() + "/" + control.cimtyp(), 30));
                    statement.setString(7, truncate(control.mestyp(), 30));
                    statement.setString(8, truncate(control.credat() + control.get("CRETIM"), 14));
                    statement.setString(9, InboundState.RECEIVED.name());
                    statement.setTimestamp(10, now);
                    statement.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                statement.executeBatch();
            }
        }
    }

    public long waitingCount() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM sap_inbound WHERE state = 'RECEIVED'");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the waiting IDocs failed: " + e.getMessage(), e);
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

    /** The IDoc of a queue entry: as parsed when it arrived, or parsed again from the stored payload. */
    Idoc idocOf(Entry entry) {
        return parsed.take(entry.payloadId(), entry.idocIndex()).orElseGet(() ->
                IdocPayloads.parse(payload(entry.payloadId()), "payload " + entry.payloadId()).get(entry.idocIndex()));
    }

    /** A queue entry's new state, as processing decided it. */
    record Outcome(long entryId, InboundState state, String orderNumber, Long orderId, String error) {
    }

    /**
     * Records outcomes inside the caller's transaction, in one batch; fails when another worker has
     * processed one of the entries meanwhile, so that the caller's transaction rolls back.
     */
    static void finish(Connection connection, List<Outcome> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sap_inbound SET state = ?, order_number = ?, "
                + "order_id = ?, error = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'RECEIVED'")) {
            for (Outcome outcome : outcomes) {
                statement.setString(1, outcome.state().name());
                statement.setString(2, outcome.orderNumber());
                statement.setObject(3, outcome.orderId(), java.sql.Types.BIGINT);
                statement.setString(4, truncate(outcome.error(), 1000));
                statement.setTimestamp(5, now);
                statement.setLong(6, outcome.entryId());
                statement.addBatch();
            }
            int[] updated = statement.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] != 1) {
                    throw new IllegalStateException("inbound entry " + outcomes.get(i).entryId() + " was processed by someone else");
                }
            }
        }
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
