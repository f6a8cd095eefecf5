package com.procura.security.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Table {@code mail_outbox}: a request only inserts a row; {@link MailWorker} sends it later and
 * retries with growing pauses. Recipients and subjects with line breaks or other control
 * characters are refused here, so that no value can add a header to the message.
 */
public final class MailOutbox {
    public static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** A message due to be sent. */
    public record Message(long id, String recipient, String subject, String body, int attempts, Instant dueAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public MailOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The address, checked: one plain address, no display name, no control characters. */
    public static String checkedAddress(String address) {
        if (address == null || address.isBlank() || address.length() > 200
                || address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("The e-mail address is refused: it is empty, too long or contains "
                    + "line breaks or control characters");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(address.strip())) {
                throw new IllegalArgumentException("The e-mail address '" + address.strip()
                        + "' is refused: expected a plain address like name@example.com");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("The e-mail address '" + address.strip() + "' is not valid: "
                    + e.getMessage(), e);
        }
    }

    public long enqueue(String recipient, String subject, String body) {
        String to = checkedAddress(recipient);
        if (subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || subject.length() > 200) {
            throw new IllegalArgumentException("The e-mail subject is refused: line breaks or control characters");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (recipient, subject, body, "
                     + "created_at, next_attempt_at, attempts, failed) VALUES (?, ?, ?, ?, ?, 0, ?)",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, to);
            insert.setString(2, subject);
            insert.setString(3, body.length() > 4000 ? body.substring(0, 4000) : body);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setBoolean(6, false);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing an e-mail failed: " + e.getMessage(), e);
        }
    }

    /** Claims up to {@code limit} due messages for this worker (a lease: another node skips them). */
    public List<Message> claimDue(int limit) {
        Instant now = clock.instant();
        List<Message> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, recipient, subject, body, attempts, "
                    + "next_attempt_at FROM mail_outbox WHERE sent_at IS NULL AND failed = ? AND next_attempt_at <= ? "
                    + "ORDER BY id")) {
                query.setBoolean(1, false);
                query.setTimestamp(2, Timestamp.from(now));
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Message(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getInt(5), rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            List<Message> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("UPDATE mail_outbox SET next_attempt_at = ?, "
                    + "attempts = attempts + 1 WHERE id = ? AND sent_at IS NULL AND next_attempt_at = ?")) {
                for (Message message : due) {
                    claim.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                    claim.setLong(2, message.id());
                    claim.setTimestamp(3, Timestamp.from(message.dueAt()));
                    if (claim.executeUpdate() == 1) {
                        claimed.add(message);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the mail outbox failed: " + e.getMessage(), e);
        }
    }

    public void sent(long id) {
        update("UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ?", Timestamp.from(clock.instant()), id);
    }

    /** Schedules another attempt (30 s, 1 min, 2 min, ... up to an hour), or gives up after the last. */
    public void failed(Message message, String error) {
        int attempts = message.attempts() + 1;
        long pause = Math.min(3600, 30L << Math.min(attempts - 1, 10));
        update("UPDATE mail_outbox SET next_attempt_at = ?, failed = ?, last_error = ? WHERE id = ?",
                Timestamp.from(clock.instant().plusSeconds(pause)), attempts >= MAX_ATTEMPTS,
                error.length() > 500 ? error.substring(0, 500) : error, message.id());
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the mail outbox failed: " + e.getMessage(), e);
        }
    }
}
