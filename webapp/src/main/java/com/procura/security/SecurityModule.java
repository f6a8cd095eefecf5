package com.procura.security;

import com.procura.platform.db.Database;
import com.procura.platform.web.Views;
import com.procura.platform.web.WebServer;
import jakarta.servlet.Filter;
import java.nio.file.Path;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;

/** Wires Shiro, accounts, login/logout and first-run setup into the web server. */
public final class SecurityModule {
    private final PasswordHasher hasher = new PasswordHasher();
    private final UserService users;
    private final SetupService setup;
    private final DefaultWebSecurityManager securityManager;

    public SecurityModule(Database database, Path dataDir) {
        this.users = new UserService(database, hasher);
        this.setup = new SetupService(database, users, dataDir);
        ProcuraRealm realm = new ProcuraRealm(users, hasher);
        this.securityManager = new DefaultWebSecurityManager(realm);
        securityManager.setCacheManager(new CaffeineCacheManager());
        securityManager.setRememberMeManager(null);
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, AccountPrincipal> basicLogins =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(5)).build();
    private SecurityEvents basicEvents;

    /**
     * HTTP Basic credentials of a technical user (machine endpoints). A success is remembered for
     * five minutes by a hash of the header, so that each IDoc does not cost a password hash.
     */
    public java.util.Optional<AccountPrincipal> verifyBasic(String header, String clientIp) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1024) {
            return java.util.Optional.empty();
        }
        String key = sha256(header);
        AccountPrincipal known = basicLogins.getIfPresent(key);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        var record = users.loginRecord(username).filter(UserService.LoginRecord::enabled);
        boolean matches = hasher.matches(password.toCharArray(), record.map(UserService.LoginRecord::passwordHash)
                .orElse(null)) && record.isPresent();
        if (!matches) {
            if (basicEvents != null) {
                basicEvents.loginFailed(username.length() > 100 ? username.substring(0, 100) : username, clientIp);
            }
            return java.util.Optional.empty();
        }
        basicLogins.put(key, record.get().principal());
        return java.util.Optional.of(record.get().principal());
    }

    public boolean isPermitted(AccountPrincipal principal, String permission) {
        return principal.role().permissions().stream().anyMatch(p -> p.equals("*") || p.equals(permission));
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public UserService users() {
        return users;
    }

    public SetupService setup() {
        return setup;
    }

    /** The filter that binds each request's subject: register it before anything that asks who is logged in. */
    public Filter subjectFilter() {
        return new ShiroFilter(securityManager);
    }

    public void installAccessControl(WebServer web, Views views, SecurityEvents events) {
        this.basicEvents = events;
        web.addFilter("access-control", new AccessControlFilter(setup), "/*");
        web.addServlet("login", new LoginServlet(views, events), "/login");
        web.addServlet("logout", new LogoutServlet(events), "/logout");
        web.addServlet("setup", new SetupServlet(views, setup), "/setup");
    }
}
