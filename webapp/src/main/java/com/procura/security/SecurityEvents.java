package com.procura.security;

import java.util.List;

/**
 * What security tells the rest of the application. The access log listens to logins and logouts;
 * the audit log records those and every other {@link SecurityDecision}.
 */
public interface SecurityEvents {
    void loggedIn(String account, String clientIp);

    void loginFailed(String attemptedAccount, String clientIp);

    void loggedOut(String account, String clientIp);

    /** A security decision beyond login and logout: lock, unlock, policy change, TAN, refused address, ... */
    default void decided(SecurityDecision decision) {
    }

    /** Tells every listener, in order. */
    static SecurityEvents all(SecurityEvents... listeners) {
        List<SecurityEvents> all = List.of(listeners);
        return new SecurityEvents() {
            @Override public void loggedIn(String account, String ip) { all.forEach(l -> l.loggedIn(account, ip)); }
            @Override public void loginFailed(String account, String ip) { all.forEach(l -> l.loginFailed(account, ip)); }
            @Override public void loggedOut(String account, String ip) { all.forEach(l -> l.loggedOut(account, ip)); }
            @Override public void decided(SecurityDecision decision) { all.forEach(l -> l.decided(decision)); }
        };
    }
}
