package com.procura.security.lockout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.procura.security.policy.PolicyStore;
import com.procura.security.policy.SecurityPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Lock-out after failed logins, with counters in the database (shared by all nodes) and a short
 * Caffeine cache in front of the lock checks. Three counters per failure: the (account, address)
 * pair, the account and the address. The pair locks first, so that an attacker cannot lock a user
 * out everywhere; the account locks from everywhere only after far more failures, or when its
 * pairs are locked from several addresses; the address is blocked after failures across accounts.
 * Each lock of a counter lasts twice as long as the one before, up to the policy's cap.
 */
public final class LockoutService {
    private static final Duration LEVEL_MEMORY = Duration.ofDays(1);
    private static final Duration CACHE_TIME = Duration.ofSeconds(3);
    private static final int CLEANUP_EVERY = 500;

    private final DataSource dataSource;
    private final PolicyStore policies;
    private final Clock clock;
    private final Cache<String, Optional<Instant>> locks = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(CACHE_TIME).build();
    private final java.util.concurrent.atomic.AtomicInteger failuresSinceCleanup =
            new java.util.concurrent.atomic.AtomicInteger();

    public LockoutService(DataSource dataSource, PolicyStore policies, Clock clock) {
        this.dataSource = dataSource;
        this.policies = policies;
        this.clock = clock;
    }

    /** The lock that refuses this login now, if any (pair first, then account, then address). */
    public Optional<Lock.Kind> lockOf(String account, String address) {
        if (!policies.current().lockoutEnabled()) {
            return Optional.empty();
        }
        if (locked(Lock.Kind.PAIR, Lock.pair(account, address))) {
            return Optional.of(Lock.Kind.PAIR);
        }
        if (locked(Lock.Kind.ACCOUNT, account)) {
            return Optional.of(Lock.Kind.ACCOUNT);
        }
        return addressBlocked(address) ? Optional.of(Lock.Kind.ADDRESS) : Optional.empty();
    }

    public boolean addressBlocked(String address) {
        return policies.current().lockoutEnabled() && locked(Lock.Kind.ADDRESS, address);
    }

    /** Counts one failed login; returns the locks it started (for the audit log). */
    public List<Lock> recordFailure(String account, String address) {
        SecurityPolicy policy = policies.current();
        if (!policy.lockoutEnabled()) {
            return List.of();
        }
        List<Lock> started = new ArrayList<>();
        count(Lock.Kind.PAIR, Lock.pair(account, address), policy.pairFailures(), policy).ifPresent(started::add);
        boolean pairLocked = !started.isEmpty();
        count(Lock.Kind.ACCOUNT, account, policy.accountFailures(), policy).ifPresent(started::add);
        if (pairLocked && started.size() == 1 && lockedPairs(account) >= policy.accountAddresses()) {
            lock(Lock.Kind.ACCOUNT, account, policy).ifPresent(started::add);
        }
        count(Lock.Kind.ADDRESS, address, policy.addressFailures(), policy).ifPresent(started::add);
        if (failuresSinceCleanup.incrementAndGet() >= CLEANUP_EVERY) {
            failuresSinceCleanup.set(0);
            forgetStale();
        }
        return started;
    }

    /**
     * Deletes counters that can no longer matter: no failure for a day and no lock in force. Guessing
     * with ever new names would otherwise grow the table without end.
     */
    public int forgetStale() {
        Timestamp now = Timestamp.from(clock.instant());
        return update("DELETE FROM lockout_counter WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)",
                Timestamp.from(clock.instant().minus(LEVEL_MEMORY)), now);
    }

    /** A successful login clears the failures of this account from this address, and nothing else. */
    public void recordSuccess(String account, String address) {
        String subject = Lock.pair(account, address);
        update("DELETE FROM lockout_counter WHERE kind = ? AND subject = ? AND (locked_until IS NULL OR locked_until < ?)",
                Lock.Kind.PAIR.name(), subject, Timestamp.from(clock.instant()));
        locks.invalidate(key(Lock.Kind.PAIR, subject));
    }

    public List<Lock> activeLocks() {
        List<Lock> active = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT kind, subject, lock_level, locked_until "
                     + "FROM lockout_counter WHERE locked_until > ? ORDER BY locked_until DESC")) {
            query.setTimestamp(1, Timestamp.from(clock.instant()));
            query.setMaxRows(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    active.add(new Lock(Lock.Kind.valueOf(rows.getString(1)), rows.getString(2), rows.getInt(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the lock-out counters failed: " + e.getMessage(), e);
        }
        return active;
    }

    /** Lifts a lock and forgets its failures; returns false when there was no such lock. */
    public boolean lift(Lock.Kind kind, String subject) {
        int changed = update("DELETE FROM lockout_counter WHERE kind = ? AND subject = ?", kind.name(), subject);
        locks.invalidate(key(kind, subject));
        return changed > 0;
    }

    private boolean locked(Lock.Kind kind, String subject) {
        Optional<Instant> until = locks.get(key(kind, subject), k -> loadLockedUntil(kind, subject));
        return until.isPresent() && until.get().isAfter(clock.instant());
    }

    private Optional<Instant> loadLockedUntil(Lock.Kind kind, String subject) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT locked_until FROM lockout_counter WHERE kind = ? AND subject = ?")) {
            query.setString(1, kind.name());
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getTimestamp(1) != null ? Optional.of(row.getTimestamp(1).toInstant())
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the lock-out counters failed: " + e.getMessage(), e);
        }
    }

    private Optional<Lock> count(Lock.Kind kind, String subject, int threshold, SecurityPolicy policy) {
        return change(kind, subject, policy, true, threshold);
    }

    private Optional<Lock> lock(Lock.Kind kind, String subject, SecurityPolicy policy) {
        return change(kind, subject, policy, false, 1);
    }

    /** One counter, in a transaction that holds its row lock, so that nodes never lose a count. */
    private Optional<Lock> change(Lock.Kind kind, String subject, SecurityPolicy policy, boolean countFailure,
            int threshold) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Optional<Lock> result = changeRow(connection, kind, subject, policy, countFailure, threshold);
                    connection.commit();
                    result.ifPresent(lock -> locks.put(key(kind, subject), Optional.of(lock.lockedUntil())));
                    return result;
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLIntegrityConstraintViolationException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException("Counting a failed login for " + kind + " failed: " + e.getMessage(), e);
                }
            } catch (SQLException e) {
                // Two nodes (or threads) inserting the same new counter: one loses with a duplicate key
                // (23xxx) or, on MariaDB, a deadlock on the gap lock (40001); the retry finds the row.
                if (attempt >= 3 || !List.of("23505", "23000", "40001").contains(e.getSQLState())) {
                    throw new IllegalStateException("Counting a failed login for " + kind + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    private Optional<Lock> changeRow(Connection connection, Lock.Kind kind, String subject, SecurityPolicy policy,
            boolean countFailure, int threshold) throws SQLException {
        Instant now = clock.instant();
        int failures = 0;
        int level = 0;
        boolean exists;
        try (PreparedStatement select = connection.prepareStatement("SELECT failures, lock_level, last_failure_at, "
                + "locked_until FROM lockout_counter WHERE kind = ? AND subject = ? FOR UPDATE")) {
            select.setString(1, kind.name());
            select.setString(2, subject);
            try (ResultSet row = select.executeQuery()) {
                exists = row.next();
                if (exists) {
                    Instant last = row.getTimestamp(3).toInstant();
                    Timestamp until = row.getTimestamp(4);
                    failures = last.isBefore(now.minus(Duration.ofMinutes(policy.failureWindowMinutes())))
                            ? 0 : row.getInt(1);
                    level = until != null && until.toInstant().isBefore(now.minus(LEVEL_MEMORY)) ? 0 : row.getInt(2);
                }
            }
        }
        Timestamp lockedUntil = null;
        Optional<Lock> started = Optional.empty();
        if (countFailure) {
            failures++;
        }
        if (!countFailure || failures >= threshold) {
            level++;
            failures = 0;
            Instant until = now.plusSeconds(policy.lockSecondsAt(level));
            lockedUntil = Timestamp.from(until);
            started = Optional.of(new Lock(kind, subject, level, until));
        }
        String sql = exists
                ? "UPDATE lockout_counter SET failures = ?, lock_level = ?, last_failure_at = ?, "
                        + "locked_until = COALESCE(?, locked_until) WHERE kind = ? AND subject = ?"
                : "INSERT INTO lockout_counter (failures, lock_level, last_failure_at, locked_until, kind, subject) "
                        + "VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setInt(1, failures);
            write.setInt(2, level);
            write.setTimestamp(3, Timestamp.from(now));
            write.setTimestamp(4, lockedUntil);
            write.setString(5, kind.name());
            write.setString(6, subject);
            write.executeUpdate();
        }
        return started;
    }

    private int lockedPairs(String account) {
        String prefix = account.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "|%";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM lockout_counter "
                     + "WHERE kind = ? AND subject LIKE ? ESCAPE '!' AND locked_until > ?")) {
            query.setString(1, Lock.Kind.PAIR.name());
            query.setString(2, prefix);
            query.setTimestamp(3, Timestamp.from(clock.instant()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the lock-out counters failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the lock-out counters failed: " + e.getMessage(), e);
        }
    }

    private static String key(Lock.Kind kind, String subject) {
        return kind.name() + ":" + subject;
    }
}
