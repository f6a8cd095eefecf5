package com.procura.security;

/**
 * One security decision for the audit log: what happened, who caused it (an account or
 * {@code system}), from which address, about whom or what, and a short detail. Never a password,
 * TAN or secret.
 */
public record SecurityDecision(Kind kind, String actor, String clientIp, String subject, String detail) {

    public enum Kind {
        LOGIN, LOGIN_FAILED, LOGOUT, LOGIN_REFUSED,
        ACCOUNT_LOCKED, ACCOUNT_IP_LOCKED, IP_BLOCKED, LOCK_LIFTED,
        IP_REFUSED, POLICY_CHANGED,
        PASSWORD_CHANGED, PASSWORD_CHANGE_REFUSED, PASSWORD_RESET_FORCED,
        TAN_SENT, TAN_USED, TAN_REFUSED, TAN_EXPIRED, TOTP_USED, TOTP_REFUSED, SECOND_FACTOR_CHANGED,
        LOGIN_EMAIL_QUEUED, LOGIN_EMAIL_REFUSED, ACCOUNT_CREATED, ACCOUNT_CREATION_REFUSED,
        UPGRADE_REQUESTED
    }

    public static SecurityDecision of(Kind kind, String actor, String clientIp, String subject, String detail) {
        return new SecurityDecision(kind, actor, clientIp, subject, detail);
    }
}
