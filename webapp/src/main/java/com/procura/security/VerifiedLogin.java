package com.procura.security;

import org.apache.shiro.authc.AuthenticationToken;

/**
 * Tells Shiro who logged in after {@link LoginService} (and the second factor, when the account has
 * one) verified every credential. Only server code creates it; it carries no credential itself.
 */
record VerifiedLogin(AccountPrincipal account) implements AuthenticationToken {
    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public Object getCredentials() {
        return account.id();
    }
}
