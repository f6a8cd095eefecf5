package com.procura.security.network;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fixed IP access: an optional list of addresses and CIDR ranges per account and per company. An
 * account's own list, when it has one, replaces its company's list (an admin can let one person
 * work from elsewhere); without either list every address is allowed. Lists are cached for a few
 * seconds, so a change made on another node applies everywhere within that time.
 */
public final class IpAllowList {
    public enum Scope { ACCOUNT, COMPANY }

    private record Owner(Scope scope, long id) {
    }

    private final DataSource dataSource;
    private final LoadingCache<Owner, List<IpRange>> cache;

    public IpAllowList(DataSource dataSource) {
        this.dataSource = dataSource;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5))
                .build(this::load);
    }

    /** True when {@code clientIp} may be used by this account (of this company, or none). */
    public boolean allows(long accountId, Long companyId, String clientIp) {
        List<IpRange> own = cache.get(new Owner(Scope.ACCOUNT, accountId));
        List<IpRange> rules = !own.isEmpty() || companyId == null ? own : cache.get(new Owner(Scope.COMPANY, companyId));
        return rules.isEmpty() || rules.stream().anyMatch(range -> range.contains(clientIp));
    }

    public List<IpRange> rules(Scope scope, long ownerId) {
        return cache.get(new Owner(scope, ownerId));
    }

    /** Parses every entry first; an invalid one throws with its text and nothing is changed. */
    public static List<IpRange> parseAll(List<String> entries) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            ranges.add(IpRange.parse(entry).orElseThrow(() -> new IllegalArgumentException("'" + entry.strip()
                    + "' is not an IP address or CIDR range: expected e.g. 192.0.2.10, 10.0.0.0/8 or 2001:db8::/32")));
        }
        return List.copyOf(ranges);
    }

    public void replace(Scope scope, long ownerId, List<IpRange> ranges) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ip_allow_rule WHERE scope = ? AND owner_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO ip_allow_rule (scope, owner_id, cidr) VALUES (?, ?, ?)")) {
                delete.setString(1, scope.name());
                delete.setLong(2, ownerId);
                delete.executeUpdate();
                for (IpRange range : ranges) {
                    insert.setString(1, scope.name());
                    insert.setLong(2, ownerId);
                    insert.setString(3, range.text());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the IP allow list of " + scope + " " + ownerId + " failed: "
                    + e.getMessage(), e);
        }
        cache.invalidate(new Owner(scope, ownerId));
    }

    private List<IpRange> load(Owner owner) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT cidr FROM ip_allow_rule WHERE scope = ? AND owner_id = ? ORDER BY id")) {
            query.setString(1, owner.scope().name());
            query.setLong(2, owner.id());
            List<IpRange> ranges = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    IpRange.parse(rows.getString(1)).ifPresent(ranges::add);
                }
            }
            return List.copyOf(ranges);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the IP allow list failed: " + e.getMessage(), e);
        }
    }
}
