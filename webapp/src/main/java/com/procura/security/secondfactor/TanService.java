package com.procura.security.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * One-time TANs for the second login step. A TAN is bound to one pending login (the hash of a
 * secret that only that login's session holds), valid for {@link #VALIDITY}, usable once, and only
 * its hash is stored. Using it is one conditional UPDATE, so of two racing requests exactly one wins.
 */
public final class TanService {
    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_WRONG = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Check { USED, WRONG, EXPIRED, REPLAYED, NOT_BOUND, EXHAUSTED }

    /** A new TAN: its row id (kept in the session) and the six digits (sent, never stored or logged). */
    public record Issued(long id, String tan, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    public TanService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public static String newBinding() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public Issued issue(long accountId, String binding) {
        String tan = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        String bindingHash = sha256(binding);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO login_tan (account_id, binding_hash, "
                     + "tan_hash, created_at, expires_at, wrong_tries) VALUES (?, ?, ?, ?, ?, 0)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, accountId);
            insert.setString(2, bindingHash);
            insert.setString(3, sha256(bindingHash + ":" + tan));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(expires));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Issued(keys.getLong(1), tan, expires);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a TAN failed: " + e.getMessage(), e);
        }
    }

    public Check use(long id, String binding, String tan) {
        Instant now = clock.instant();
        String bindingHash = sha256(binding);
        try (Connection connection = dataSource.getConnection()) {
            String storedBinding;
            String storedTan;
            Instant expires;
            boolean used;
            int wrong;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT binding_hash, tan_hash, expires_at, used_at, wrong_tries FROM login_tan WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Check.NOT_BOUND;
                    }
                    storedBinding = row.getString(1);
                    storedTan = row.getString(2);
                    expires = row.getTimestamp(3).toInstant();
                    used = row.getTimestamp(4) != null;
                    wrong = row.getInt(5);
                }
            }
            if (!equal(storedBinding, bindingHash)) {
                return Check.NOT_BOUND;
            }
            if (used) {
                return Check.REPLAYED;
            }
            if (!now.isBefore(expires)) {
                return Check.EXPIRED;
            }
            if (wrong >= MAX_WRONG) {
                return Check.EXHAUSTED;
            }
            if (tan == null || !tan.matches("\\d{6}") || !equal(storedTan, sha256(bindingHash + ":" + tan))) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE login_tan SET wrong_tries = wrong_tries + 1 WHERE id = ?")) {
                    update.setLong(1, id);
                    update.executeUpdate();
                }
                return Check.WRONG;
            }
            try (PreparedStatement claim = connection.prepareStatement("UPDATE login_tan SET used_at = ? WHERE id = ? "
                    + "AND used_at IS NULL AND expires_at > ? AND wrong_tries < ?")) {
                claim.setTimestamp(1, Timestamp.from(now));
                claim.setLong(2, id);
                claim.setTimestamp(3, Timestamp.from(now));
                claim.setInt(4, MAX_WRONG);
                return claim.executeUpdate() == 1 ? Check.USED : Check.REPLAYED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Checking a TAN failed: " + e.getMessage(), e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
