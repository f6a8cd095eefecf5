package com.procura.security.lockout;

import java.time.Instant;

/**
 * One active lock. {@code PAIR}: an account from one address (subject {@code account|address});
 * {@code ACCOUNT}: an account from everywhere; {@code ADDRESS}: a source address for every account.
 */
public record Lock(Kind kind, String subject, int level, Instant lockedUntil) {
    public enum Kind { PAIR, ACCOUNT, ADDRESS }

    static String pair(String account, String address) {
        return account + "|" + address;
    }
}
