package com.procura.security;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * Shiro's view of our accounts: it accepts only a {@link VerifiedLogin}, made after
 * {@link LoginService} checked password, lock-out, allowed addresses and second factor; its
 * permissions come from the account's role.
 */
final class ProcuraRealm extends AuthorizingRealm {

    ProcuraRealm() {
        setName("procura");
        setCredentialsMatcher((token, info) -> token instanceof VerifiedLogin login
                && login.account().equals(info.getPrincipals().getPrimaryPrincipal()));
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(true);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof VerifiedLogin;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        AccountPrincipal account = ((VerifiedLogin) token).account();
        return new SimpleAuthenticationInfo(account, account.id(), getName());
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        AccountPrincipal principal = principals.oneByType(AccountPrincipal.class);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        if (principal != null) {
            info.addRole(principal.role().id());
            info.addStringPermissions(principal.role().permissions());
        }
        return info;
    }
}
