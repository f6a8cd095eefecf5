package com.procura.audit;

import com.procura.security.SecurityDecision;
import com.procura.security.SecurityEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every security decision to {@code audit_log}, each row chained to the one before by
 * sha256(previous hash + canonical row). Appends lock the single {@code audit_head} row, so nodes
 * sharing the database append one after the other and the chain stays linear.
 */
public final class AuditLog implements SecurityEvents {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void loggedIn(String account, String clientIp) {
        decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN, account, clientIp, account, null));
    }

    /** Not recorded here: the login service reports each failure with its reason through {@link #decided}. */
    @Override
    public void loginFailed(String attemptedAccount, String clientIp) {
    }

    @Override
    public void loggedOut(String account, String clientIp) {
        decided(SecurityDecision.of(SecurityDecision.Kind.LOGOUT, account, clientIp, account, null));
    }

    @Override
    public void decided(SecurityDecision decision) {
        try {
            append(decision);
        } catch (SQLException e) {
            LOG.error("Could not append {} for '{}' to the audit log: {}", decision.kind(), decision.subject(),
                    e.getMessage());
        }
    }

    /** Appends one entry and returns it. */
    public AuditEntry append(SecurityDecision decision) throws SQLException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String event = decision.kind().name();
        String actor = limit(decision.actor(), 100);
        String ip = limit(decision.clientIp(), 45);
        String subject = limit(decision.subject(), 200);
        String detail = limit(decision.detail(), 1000);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long lastId;
                String lastHash;
                try (PreparedStatement head = connection.prepareStatement(
                        "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                     ResultSet row = head.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("audit_head has no row: the audit log schema is damaged");
                    }
                    lastId = row.getLong(1);
                    lastHash = row.getString(2);
                }
                long id = lastId + 1;
                String hash = AuditEntry.chainHash(lastHash, AuditEntry.canonical(id, at, event, actor, ip, subject,
                        detail));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (id, occurred_at, "
                        + "event, actor, client_ip, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setTimestamp(2, Timestamp.from(at), AuditEntry.utc());
                    insert.setString(3, event);
                    insert.setString(4, actor);
                    insert.setString(5, ip);
                    insert.setString(6, subject);
                    insert.setString(7, detail);
                    insert.setString(8, lastHash);
                    insert.setString(9, hash);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
                    update.setLong(1, id);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
                connection.commit();
                return new AuditEntry(id, at, event, actor, ip, subject, detail, lastHash, hash);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The newest entries first, for the admin page and tests. */
    public List<AuditEntry> latest(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(AuditVerifier.SELECT + " ORDER BY id DESC")) {
            query.setMaxRows(limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(AuditVerifier.entryOf(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
        }
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
