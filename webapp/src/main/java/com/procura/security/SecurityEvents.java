package com.procura.security;

/** What security tells the rest of the application: the access log listens, later the audit log. */
public interface SecurityEvents {
    void loggedIn(String account, String clientIp);

    void loginFailed(String attemptedAccount, String clientIp);

    void loggedOut(String account, String clientIp);
}
