package com.procura.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/** Table {@code account_security}: an account without a row has the defaults. TOTP keys are stored encrypted. */
public final class AccountSecurityStore {
    private final DataSource dataSource;
    private final SecretBox secrets;

    public AccountSecurityStore(DataSource dataSource, SecretBox secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    public AccountSecurity of(long accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT login_email, second_factor, phone, "
                     + "totp_key_sealed, totp_last_step, password_changed_at FROM account_security WHERE account_id = ?")) {
            query.setLong(1, accountId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return AccountSecurity.defaults(accountId);
                }
                Timestamp changed = row.getTimestamp(6);
                return new AccountSecurity(accountId, row.getBoolean(1),
                        AccountSecurity.SecondFactor.valueOf(row.getString(2)), row.getString(3),
                        secrets.decrypt(row.getString(4), totpContext(accountId)),
                        row.getLong(5), changed == null ? null : changed.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the security options of account " + accountId + " failed: "
                    + e.getMessage(), e);
        }
    }

    public void save(AccountSecurity settings) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM account_security WHERE account_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO account_security (account_id, "
                         + "login_email, second_factor, phone, totp_key_sealed, totp_last_step, password_changed_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setLong(1, settings.accountId());
                delete.executeUpdate();
                insert.setLong(1, settings.accountId());
                insert.setBoolean(2, settings.loginEmail());
                insert.setString(3, settings.secondFactor().name());
                insert.setString(4, settings.phone());
                insert.setString(5, secrets.encrypt(settings.totpSecret(), totpContext(settings.accountId())));
                insert.setLong(6, settings.totpLastStep());
                insert.setTimestamp(7, settings.passwordChangedAt() == null ? null
                        : Timestamp.from(settings.passwordChangedAt()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the security options of account " + settings.accountId()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static String totpContext(long accountId) {
        return "TOTP key of account " + accountId;
    }

    /** Marks a TOTP step as used; of two logins with the same code exactly one gets true. */
    public boolean claimTotpStep(long accountId, long step) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE account_security SET totp_last_step = ? "
                     + "WHERE account_id = ? AND totp_last_step < ?")) {
            update.setLong(1, step);
            update.setLong(2, accountId);
            update.setLong(3, step);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a used TOTP code failed: " + e.getMessage(), e);
        }
    }
}
