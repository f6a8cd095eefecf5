package com.procura.security;

import com.procura.security.lockout.Lock;
import com.procura.security.lockout.LockoutService;
import com.procura.security.network.IpAllowList;
import com.procura.security.policy.PolicyStore;
import com.procura.security.policy.SecurityPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The password step of a login and what follows from it: lock-out, allowed addresses, second
 * factor, forced password change. Every refusal looks the same to the client (one message, one
 * Argon2id verification, also for unknown and locked accounts); the reason goes to the audit log.
 * Only a source address already blocked is refused before hashing: that reveals nothing about any
 * account and keeps a brute-force run from eating the CPU.
 */
public final class LoginService {
    public static final int MAX_USERNAME = 100;
    public static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;

    /** What the password step decided. */
    public sealed interface Outcome permits Refused, SecondFactorNeeded, Accepted {
    }

    public record Refused() implements Outcome {
    }

    /** Password right; the account's second factor must follow. */
    public record SecondFactorNeeded(AccountPrincipal account, AccountSecurity settings,
            Optional<String> passwordChangeReason) implements Outcome {
    }

    /** Logged in; when a reason is present, the user must set a new password before anything else. */
    public record Accepted(AccountPrincipal account, Optional<String> passwordChangeReason) implements Outcome {
    }

    private final UserService users;
    private final PasswordHasher hasher;
    private final LockoutService lockout;
    private final IpAllowList allowList;
    private final PolicyStore policies;
    private final AccountSecurityStore accountSettings;
    private final SecurityEvents events;
    private final Clock clock;
    private volatile String unknownAccountHash;

    public LoginService(UserService users, PasswordHasher hasher, LockoutService lockout, IpAllowList allowList,
            PolicyStore policies, AccountSecurityStore accountSettings, SecurityEvents events, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.lockout = lockout;
        this.allowList = allowList;
        this.policies = policies;
        this.accountSettings = accountSettings;
        this.events = events;
        this.clock = clock;
    }

    public Outcome checkPassword(String username, String password, String clientIp) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || password == null || name.length() > MAX_USERNAME || password.length() > MAX_PASSWORD
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            String shown = name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
            fail(shown, clientIp, "malformed or over-long credentials");
            return new Refused();
        }
        if (lockout.addressBlocked(clientIp)) {
            events.loginFailed(name, clientIp);
            refuse(name, clientIp, "source address blocked after failed logins");
            return new Refused();
        }
        Optional<UserService.LoginRecord> record = users.loginRecord(name).filter(UserService.LoginRecord::enabled);
        boolean matches = hasher.matches(password.toCharArray(),
                record.map(UserService.LoginRecord::passwordHash).orElseGet(this::unknownAccountHash))
                && record.isPresent();
        Optional<Lock.Kind> lock = lockout.lockOf(name, clientIp);
        if (!matches) {
            fail(name, clientIp, lock.map(k -> "wrong password while locked (" + k + ")").orElse("wrong password"));
            return new Refused();
        }
        if (lock.isPresent()) {
            events.loginFailed(name, clientIp);
            refuse(name, clientIp, "right password but locked (" + lock.get() + ")");
            return new Refused();
        }
        AccountPrincipal account = record.get().principal();
        if (!allowList.allows(account.id(), account.companyId(), clientIp)) {
            events.loginFailed(name, clientIp);
            events.decided(SecurityDecision.of(SecurityDecision.Kind.IP_REFUSED, name, clientIp, name,
                    "login from an address outside the allow list"));
            return new Refused();
        }
        AccountSecurity settings = accountSettings.of(account.id());
        Optional<String> change = passwordChangeReason(record.get(), password, settings);
        if (settings.secondFactor() != AccountSecurity.SecondFactor.NONE) {
            return new SecondFactorNeeded(account, settings, change);
        }
        lockout.recordSuccess(name, clientIp);
        return new Accepted(account, change);
    }

    /** A wrong password, TAN or TOTP code: counted toward every lock, and each new lock audited. */
    public void fail(String account, String clientIp, String detail) {
        events.loginFailed(account, clientIp);
        events.decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN_FAILED, account, clientIp, account, detail));
        for (Lock lock : lockout.recordFailure(account, clientIp)) {
            SecurityDecision.Kind kind = switch (lock.kind()) {
                case PAIR -> SecurityDecision.Kind.ACCOUNT_IP_LOCKED;
                case ACCOUNT -> SecurityDecision.Kind.ACCOUNT_LOCKED;
                case ADDRESS -> SecurityDecision.Kind.IP_BLOCKED;
            };
            events.decided(SecurityDecision.of(kind, "system", clientIp, lock.subject(),
                    "lock " + lock.level() + " until " + lock.lockedUntil()));
        }
    }

    /** After the second factor: the pair's earlier failures are forgotten. */
    public void succeeded(String account, String clientIp) {
        lockout.recordSuccess(account, clientIp);
    }

    public Optional<Lock.Kind> lockOf(String account, String clientIp) {
        return lockout.lockOf(account, clientIp);
    }

    private void refuse(String account, String clientIp, String detail) {
        events.decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN_REFUSED, account, clientIp, account, detail));
    }

    private Optional<String> passwordChangeReason(UserService.LoginRecord record, String password,
            AccountSecurity settings) {
        if (record.mustChangePassword()) {
            return Optional.of("You must set a new password before you continue.");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("Your password is on the list of common or breached passwords: set a new one.");
        }
        SecurityPolicy policy = policies.current();
        Instant changed = settings.passwordChangedAt() != null ? settings.passwordChangedAt() : record.createdAt();
        if (policy.passwordExpiryDays() > 0 && changed != null
                && changed.plus(Duration.ofDays(policy.passwordExpiryDays())).isBefore(clock.instant())) {
            return Optional.of("Your password is older than " + policy.passwordExpiryDays() + " days: set a new one.");
        }
        return Optional.empty();
    }

    private String unknownAccountHash() {
        if (unknownAccountHash == null) {
            unknownAccountHash = hasher.hash(Passwords.generate(6).toCharArray());
        }
        return unknownAccountHash;
    }
}
