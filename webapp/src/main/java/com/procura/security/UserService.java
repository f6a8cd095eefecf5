package com.procura.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.procura.platform.db.Database;
import com.procura.suppliers.Company;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Accounts: creation, password changes and the login lookup (cached; every change invalidates). */
public final class UserService {
    /** What a login needs to know about an account. */
    public record LoginRecord(AccountPrincipal principal, String passwordHash, boolean enabled,
            boolean mustChangePassword, String email, java.time.Instant createdAt) {
        @Override
        public String toString() {
            return "LoginRecord[" + principal + ", enabled=" + enabled + "]";
        }
    }

    private final Database database;
    private final PasswordHasher hasher;
    private final Cache<String, Optional<LoginRecord>> logins = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    public UserService(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    public Optional<LoginRecord> loginRecord(String username) {
        return logins.get(normalize(username), this::loadLoginRecord);
    }

    private Optional<LoginRecord> loadLoginRecord(String username) {
        return database.read(em -> em.createQuery(
                        "select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst()
                .map(u -> new LoginRecord(principalOf(u), u.getPasswordHash(), u.isEnabled(),
                        u.isMustChangePassword(), u.getEmail(), u.getCreatedAt())));
    }

    static AccountPrincipal principalOf(UserAccount user) {
        return new AccountPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getCompany() == null ? null : user.getCompany().getId());
    }

    public AccountPrincipal create(String username, String displayName, String email, String password, Role role,
            Long companyId) {
        String name = normalize(username);
        if (!name.matches("[a-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("User name '" + username
                    + "' is not allowed: use 2-100 letters, digits, '.', '_', '-' or '@'");
        }
        if (role == Role.SUPPLIER && companyId == null) {
            throw new IllegalArgumentException("A supplier account needs a supplier company");
        }
        String checkedEmail = email == null || email.isBlank() ? null
                : com.procura.security.mail.MailOutbox.checkedAddress(email);
        String hash = hasher.hash(password.toCharArray());
        AccountPrincipal created = database.transaction(em -> {
            Company company = companyId == null ? null : em.find(Company.class, companyId);
            UserAccount account = new UserAccount(name, displayName, checkedEmail, hash, role, company);
            em.persist(account);
            em.flush();
            return principalOf(account);
        });
        logins.invalidate(name);
        return created;
    }

    public void changePassword(String username, String newPassword, boolean mustChangeAtNextLogin) {
        String name = normalize(username);
        String hash = hasher.hash(newPassword.toCharArray());
        int updated = database.transaction(em -> {
            List<UserAccount> found = em.createQuery("select u from UserAccount u where u.username = :name",
                    UserAccount.class).setParameter("name", name).getResultList();
            found.forEach(u -> {
                u.changePasswordHash(hash);
                u.requirePasswordChange(mustChangeAtNextLogin);
            });
            return found.size();
        });
        if (updated == 0) {
            throw new IllegalArgumentException("No account named '" + username + "'");
        }
        logins.invalidate(name);
    }

    /** Sets "must change password" on one account; false when there is no such account. */
    public boolean forcePasswordChange(String username) {
        String name = normalize(username);
        int updated = database.transaction(em -> em.createQuery(
                "update UserAccount u set u.mustChangePassword = true where u.username = :name")
                .setParameter("name", name).executeUpdate());
        logins.invalidate(name);
        return updated > 0;
    }

    /** Sets "must change password" on every account; returns how many. */
    public int forcePasswordChangeForAll() {
        int updated = database.transaction(em -> em.createQuery(
                "update UserAccount u set u.mustChangePassword = true").executeUpdate());
        logins.invalidateAll();
        return updated;
    }

    /** True when {@code password} is the account's current password (one Argon2id verification). */
    public boolean passwordMatches(String username, String password) {
        return loginRecord(username).map(r -> hasher.matches(password.toCharArray(), r.passwordHash())).orElse(false);
    }

    public boolean exists(String username) {
        return loginRecord(username).isPresent();
    }

    public boolean anyAdmin() {
        return database.read(em -> em.createQuery(
                "select count(u) from UserAccount u where u.role = :role", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult()) > 0;
    }

    public List<UserAccount> usersOf(long companyId) {
        return database.read(em -> em.createQuery(
                "select u from UserAccount u where u.company.id = :company order by u.username", UserAccount.class)
                .setParameter("company", companyId).getResultList());
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
