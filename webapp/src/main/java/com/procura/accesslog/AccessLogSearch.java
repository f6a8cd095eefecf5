package com.procura.accesslog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Searches the stored access log, newest first. */
public final class AccessLogSearch {
    private final DataSource dataSource;

    public AccessLogSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<AccessEvent> find(AccessLogQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT occurred_at, account, client_ip, event, method, path, status FROM access_log WHERE 1=1");
        List<Object> values = new ArrayList<>();
        if (query.account() != null) {
            sql.append(" AND account = ?");
            values.add(query.account());
        }
        if (query.clientIp() != null) {
            sql.append(" AND client_ip = ?");
            values.add(query.clientIp());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            values.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            values.add(Timestamp.from(query.to()));
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(Math.min(query.limit(), AccessLogQuery.MAX_ROWS));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<AccessEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AccessEvent(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                            AccessEvent.Type.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                            rows.getInt(7)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Searching the access log failed: " + e.getMessage(), e);
        }
    }
}
