package com.procura.security;

import java.time.Instant;

/** An account's own security options: login e-mail, second factor (SMS TAN or TOTP), password age. */
public record AccountSecurity(long accountId, boolean loginEmail, SecondFactor secondFactor, String phone,
        String totpSecret, long totpLastStep, Instant passwordChangedAt) {

    public enum SecondFactor { NONE, SMS, TOTP }

    public static AccountSecurity defaults(long accountId) {
        return new AccountSecurity(accountId, false, SecondFactor.NONE, null, null, 0, null);
    }

    public AccountSecurity withLoginEmail(boolean enabled) {
        return new AccountSecurity(accountId, enabled, secondFactor, phone, totpSecret, totpLastStep, passwordChangedAt);
    }

    public AccountSecurity withSms(String newPhone) {
        return new AccountSecurity(accountId, loginEmail, SecondFactor.SMS, newPhone, null, 0, passwordChangedAt);
    }

    public AccountSecurity withTotp(String secret) {
        return new AccountSecurity(accountId, loginEmail, SecondFactor.TOTP, phone, secret, 0, passwordChangedAt);
    }

    public AccountSecurity withoutSecondFactor() {
        return new AccountSecurity(accountId, loginEmail, SecondFactor.NONE, phone, null, 0, passwordChangedAt);
    }

    public AccountSecurity withPasswordChangedAt(Instant at) {
        return new AccountSecurity(accountId, loginEmail, secondFactor, phone, totpSecret, totpLastStep, at);
    }

    /** Never prints the TOTP secret. */
    @Override
    public String toString() {
        return "AccountSecurity[account=" + accountId + ", loginEmail=" + loginEmail + ", secondFactor=" + secondFactor
                + "]";
    }
}
