package com.procura.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A login whose password was right and whose second factor is still to come; kept in the session
 * (never in a cookie or form). {@code binding} is the secret a TAN is bound to; {@code tanId} is the
 * TAN's row, or 0 for TOTP.
 */
record PendingLogin(AccountPrincipal account, AccountSecurity.SecondFactor method, long tanId, String binding,
        String passwordChangeReason, Instant startedAt, String next) implements Serializable {
    static final String ATTRIBUTE = "procura.pending-login";

    Optional<String> changeReason() {
        return Optional.ofNullable(passwordChangeReason);
    }

    @Override
    public String toString() {
        return "PendingLogin[" + account + ", " + method + "]";
    }
}
