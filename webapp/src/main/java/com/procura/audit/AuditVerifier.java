package com.procura.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Walks the audit log in id order and reports the first entry that was altered, removed or added. */
public final class AuditVerifier {
    static final String SELECT =
            "SELECT id, occurred_at, event, actor, client_ip, subject, detail, prev_hash, hash FROM audit_log";

    /** The outcome: intact, or the first problem found. */
    public record Result(boolean intact, long entries, String message) {
    }

    private final DataSource dataSource;

    public AuditVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Result verify() {
        try (Connection connection = dataSource.getConnection()) {
            long expectedId = 1;
            String previous = AuditEntry.GENESIS;
            try (PreparedStatement query = connection.prepareStatement(SELECT + " ORDER BY id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    AuditEntry entry = entryOf(rows);
                    if (entry.id() != expectedId) {
                        return broken(expectedId - 1, "entry " + expectedId + " is missing (the next entry is "
                                + entry.id() + ")");
                    }
                    if (!entry.previousHash().equals(previous)) {
                        return broken(expectedId - 1, "entry " + entry.id() + " does not follow entry " + (entry.id() - 1)
                                + ": its previous hash was changed or an entry was replaced");
                    }
                    if (!entry.expectedHash(previous).equals(entry.hash())) {
                        return broken(expectedId - 1, "entry " + entry.id() + " (" + entry.event() + " at " + entry.at()
                                + ") was altered: its content does not match its hash");
                    }
                    previous = entry.hash();
                    expectedId++;
                }
            }
            long count = expectedId - 1;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_id, last_hash FROM audit_head WHERE id = 1");
                 ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    return broken(count, "the audit head row is missing");
                }
                if (row.getLong(1) != count || !row.getString(2).equals(previous)) {
                    return broken(count, row.getLong(1) > count
                            ? "entries " + (count + 1) + " to " + row.getLong(1) + " are missing (removed from the end)"
                            : "the audit head does not match entry " + count + ": the log was rewritten");
                }
            }
            return new Result(true, count, count + " entries, chain intact (last hash " + previous + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
        }
    }

    private static Result broken(long verified, String message) {
        return new Result(false, verified, message);
    }

    static AuditEntry entryOf(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getLong(1), rows.getTimestamp(2, AuditEntry.utc()).toInstant(), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9));
    }
}
