package com.procura.security;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.CredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/** Accounts from the database, Argon2id passwords, permissions from the account's role. */
final class ProcuraRealm extends AuthorizingRealm {
    private static final String UNKNOWN = "<unknown account>";

    private final UserService users;
    private final PasswordHasher hasher;
    private volatile String unknownAccountHash;

    ProcuraRealm(UserService users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        setName("procura");
        setCredentialsMatcher(new Argon2Matcher(hasher));
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(true);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof UsernamePasswordToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        String username = ((UsernamePasswordToken) token).getUsername();
        var record = users.loginRecord(username).filter(UserService.LoginRecord::enabled);
        if (record.isEmpty()) {
            // Hash anyway, so that an unknown name takes as long to refuse as a wrong password.
            return new SimpleAuthenticationInfo(UNKNOWN, unknownAccountHash(), getName());
        }
        return new SimpleAuthenticationInfo(record.get().principal(), record.get().passwordHash(), getName());
    }

    private String unknownAccountHash() {
        if (unknownAccountHash == null) {
            unknownAccountHash = hasher.hash(Passwords.generate(6).toCharArray());
        }
        return unknownAccountHash;
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

    private record Argon2Matcher(PasswordHasher hasher) implements CredentialsMatcher {
        @Override
        public boolean doCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
            boolean matches = hasher.matches(((UsernamePasswordToken) token).getPassword(),
                    (String) info.getCredentials());
            return matches && !UNKNOWN.equals(info.getPrincipals().getPrimaryPrincipal());
        }
    }
}
