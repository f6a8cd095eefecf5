package com.procura.accesslog;

import com.procura.security.SecurityEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every access in the database and in the access log file. Requests only enqueue; one
 * writer thread stores the events in batches, so that logging does not slow pages down. The queue
 * is bounded: when the database falls far behind, requests wait rather than lose entries.
 */
public final class AccessLog implements SecurityEvents, AutoCloseable {
    private static final Logger FILE = LoggerFactory.getLogger("procura.access");
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO access_log (occurred_at, account, client_ip, event, method, "
            + "path, status) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final BlockingQueue<AccessEvent> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;
    private volatile boolean running = true;

    public AccessLog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = Thread.ofPlatform().name("access-log-writer").daemon(true).start(this::drainLoop);
    }

    public void record(AccessEvent event) {
        FILE.info(event.toLogLine());
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void loggedIn(String account, String clientIp) {
        record(AccessEvent.login(account, clientIp, true));
    }

    @Override
    public void loginFailed(String attemptedAccount, String clientIp) {
        record(AccessEvent.login(attemptedAccount, clientIp, false));
    }

    @Override
    public void loggedOut(String account, String clientIp) {
        record(AccessEvent.logout(account, clientIp));
    }

    private void drainLoop() {
        List<AccessEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AccessEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void store(List<AccessEvent> batch) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AccessEvent event : batch) {
                    insert.setTimestamp(1, Timestamp.from(event.at()));
                    insert.setString(2, truncate(event.account(), 100));
                    insert.setString(3, truncate(event.clientIp(), 45));
                    insert.setString(4, event.type().name());
                    insert.setString(5, truncate(event.method(), 10));
                    insert.setString(6, truncate(event.path(), 500));
                    if (event.status() > 0) {
                        insert.setInt(7, event.status());
                    } else {
                        insert.setNull(7, Types.INTEGER);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                return;
            } catch (SQLException e) {
                if (attempt >= 5 || !running) {
                    LOG.error("Could not store {} access log entries in the database (they are in the access log "
                            + "file): {}", batch.size(), e.getMessage());
                    return;
                }
                LOG.warn("Storing access log entries failed (attempt {}), retrying: {}", attempt, e.getMessage());
                sleep(attempt * 200L);
            }
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every event recorded so far is in the database (tests and shutdown). */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        sleep(50);
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
