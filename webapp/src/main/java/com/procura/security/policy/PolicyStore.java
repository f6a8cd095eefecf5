package com.procura.security.policy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.procura.security.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in table {@code security_setting}, one row per changed value; unset values keep their
 * defaults. Cached for a few seconds, so that a change on one node reaches the others quickly.
 */
public final class PolicyStore {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    static final String ROLE_IDLE = "idle.role.";
    static final String COMPANY_IDLE = "idle.company.";

    private final DataSource dataSource;
    private final SecurityPolicy defaults;
    private final LoadingCache<String, SecurityPolicy> cache;

    public PolicyStore(DataSource dataSource, int defaultIdleMinutes) {
        this.dataSource = dataSource;
        this.defaults = SecurityPolicy.defaults(defaultIdleMinutes);
        this.cache = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofSeconds(5)).build(k -> load());
    }

    public SecurityPolicy current() {
        return cache.get("policy");
    }

    /** Sets one setting ({@code null} removes it, back to the default). Callers validate and audit. */
    public void set(String name, String value) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM security_setting WHERE name = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO security_setting (name, setting_value) VALUES (?, ?)")) {
                delete.setString(1, name);
                delete.executeUpdate();
                if (value != null) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving security setting " + name + " failed: " + e.getMessage(), e);
        }
        cache.invalidateAll();
    }

    public void setPolicy(SecurityPolicy policy) {
        set("lockout.enabled", Boolean.toString(policy.lockoutEnabled()));
        set("lockout.pair-failures", Integer.toString(policy.pairFailures()));
        set("lockout.account-failures", Integer.toString(policy.accountFailures()));
        set("lockout.account-addresses", Integer.toString(policy.accountAddresses()));
        set("lockout.address-failures", Integer.toString(policy.addressFailures()));
        set("lockout.lock-seconds", Integer.toString(policy.lockSeconds()));
        set("lockout.max-lock-seconds", Integer.toString(policy.maxLockSeconds()));
        set("lockout.window-minutes", Integer.toString(policy.failureWindowMinutes()));
        set("idle.seconds", Integer.toString(policy.idleSeconds()));
        set("password.expiry-days", Integer.toString(policy.passwordExpiryDays()));
    }

    public void setRoleIdle(Role role, Integer seconds) {
        set(ROLE_IDLE + role.id(), seconds == null ? null : seconds.toString());
    }

    public void setCompanyIdle(long companyId, Integer seconds) {
        set(COMPANY_IDLE + companyId, seconds == null ? null : seconds.toString());
    }

    private SecurityPolicy load() {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT name, setting_value FROM security_setting");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the security policy failed: " + e.getMessage(), e);
        }
        Map<Role, Integer> roles = new HashMap<>();
        Map<Long, Integer> companies = new HashMap<>();
        values.forEach((name, value) -> {
            try {
                if (name.startsWith(ROLE_IDLE)) {
                    roles.put(Role.valueOf(name.substring(ROLE_IDLE.length()).toUpperCase(Locale.ROOT)),
                            Integer.parseInt(value));
                } else if (name.startsWith(COMPANY_IDLE)) {
                    companies.put(Long.parseLong(name.substring(COMPANY_IDLE.length())), Integer.parseInt(value));
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring security setting {}='{}': {}", name, value, e.getMessage());
            }
        });
        SecurityPolicy d = defaults;
        return new SecurityPolicy(
                Boolean.parseBoolean(values.getOrDefault("lockout.enabled", Boolean.toString(d.lockoutEnabled()))),
                number(values, "lockout.pair-failures", d.pairFailures()),
                number(values, "lockout.account-failures", d.accountFailures()),
                number(values, "lockout.account-addresses", d.accountAddresses()),
                number(values, "lockout.address-failures", d.addressFailures()),
                number(values, "lockout.lock-seconds", d.lockSeconds()),
                number(values, "lockout.max-lock-seconds", d.maxLockSeconds()),
                number(values, "lockout.window-minutes", d.failureWindowMinutes()),
                number(values, "idle.seconds", d.idleSeconds()),
                roles, companies,
                number(values, "password.expiry-days", d.passwordExpiryDays()));
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring security setting {}='{}': not a whole number", name, value);
            return fallback;
        }
    }
}
