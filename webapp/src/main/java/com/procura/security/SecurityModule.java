package com.procura.security;

import com.procura.platform.config.ProcuraConfig;
import com.procura.platform.config.SecurityConfig;
import com.procura.platform.db.Database;
import com.procura.platform.web.Views;
import com.procura.platform.web.WebServer;
import com.procura.security.lockout.LockoutService;
import com.procura.security.mail.MailOutbox;
import com.procura.security.mail.MailWorker;
import com.procura.security.network.ClientAddress;
import com.procura.security.network.ClientAddressFilter;
import com.procura.security.network.IpAllowList;
import com.procura.security.policy.PolicyStore;
import com.procura.security.secondfactor.FileSmsGateway;
import com.procura.security.secondfactor.HttpSmsGateway;
import com.procura.security.secondfactor.SmsGateway;
import com.procura.security.secondfactor.TanService;
import com.procura.suppliers.SupplierService;
import jakarta.servlet.Filter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Shiro, accounts, login/logout, first-run setup and the security mechanisms (lock-out,
 * allowed addresses, idle timeouts, forced password change, login e-mail, TAN/TOTP) into the web server.
 */
public final class SecurityModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityModule.class);

    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock;
    private final UserService users;
    private final SetupService setup;
    private final DefaultWebSecurityManager securityManager;
    private final PolicyStore policies;
    private final LockoutService lockout;
    private final IpAllowList allowList;
    private final AccountSecurityStore accountSettings;
    private final TanService tans;
    private final SmsGateway sms;
    private final MailOutbox outbox;
    private final Optional<MailWorker> mailWorker;
    private final ClientAddress clientAddress;
    private volatile LoginService logins;

    public SecurityModule(Database database, ProcuraConfig config, Clock clock) {
        DataSource dataSource = database.dataSource();
        this.clock = clock;
        this.users = new UserService(database, hasher);
        this.setup = new SetupService(database, users, config.dataDir());
        this.securityManager = new DefaultWebSecurityManager(new ProcuraRealm());
        securityManager.setCacheManager(new CaffeineCacheManager());
        securityManager.setRememberMeManager(null);
        this.policies = new PolicyStore(dataSource, config.sessionTimeoutMinutes());
        this.lockout = new LockoutService(dataSource, policies, clock);
        this.allowList = new IpAllowList(dataSource);
        this.accountSettings = new AccountSecurityStore(dataSource,
                SecretBox.openOrCreate(config.dataDir().resolve("keys").resolve("secret-box.key")));
        this.tans = new TanService(dataSource, clock);
        SecurityConfig security = config.security();
        this.sms = switch (security.sms().gateway()) {
            case "file" -> new FileSmsGateway(config.dataDir().resolve("sms-outbox.log"), clock);
            case "http" -> new HttpSmsGateway(URI.create(security.sms().url().orElseThrow()), security.sms().user(),
                    security.sms().password());
            default -> SmsGateway.none();
        };
        this.outbox = new MailOutbox(dataSource, clock);
        this.mailWorker = security.mail().map(mail -> new MailWorker(outbox, mail, clock, Duration.ofSeconds(1)));
        if (mailWorker.isEmpty()) {
            LOG.info("No mail.smtp.host configured: login e-mails stay queued in the outbox until one is");
        }
        this.clientAddress = new ClientAddress(security.trustedProxies());
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, AccountPrincipal> basicLogins =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(5)).build();

    /**
     * HTTP Basic credentials of a technical user (machine endpoints), with the login form's lock-out,
     * allowed addresses and audit. A success is remembered for five minutes by a hash of the header
     * and the client address, so that each IDoc does not cost a password hash.
     */
    public java.util.Optional<AccountPrincipal> verifyBasic(String header, String clientIp) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1024) {
            return java.util.Optional.empty();
        }
        // Remembered per client address too, so that an allow list is never skipped by the cache.
        String key = sha256(header + "\u0000" + clientIp);
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
        java.util.Optional<AccountPrincipal> account = verifyMachineLogin(username, password, clientIp);
        account.ifPresent(principal -> basicLogins.put(key, principal));
        return account;
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

    public UserService users() { return users; }
    public SetupService setup() { return setup; }
    public PolicyStore policies() { return policies; }
    public LockoutService lockout() { return lockout; }
    public IpAllowList allowList() { return allowList; }
    public AccountSecurityStore accountSettings() { return accountSettings; }
    public MailOutbox outbox() { return outbox; }

    /** Resolves the client address (trusted proxies): register it before every other filter. */
    public Filter clientAddressFilter() {
        return new ClientAddressFilter(clientAddress);
    }

    /** The filter that binds each request's subject: register it before anything that asks who is logged in. */
    public Filter subjectFilter() {
        return new ShiroFilter(securityManager);
    }

    public void installAccessControl(WebServer web, Views views, SecurityEvents events, SupplierService companies) {
        LoginService logins = new LoginService(users, hasher, lockout, allowList, policies, accountSettings, events,
                clock);
        this.logins = logins;
        SecondFactorService secondFactor = new SecondFactorService(tans, sms, accountSettings, events, clock);
        LoginCompletion completion = new LoginCompletion(policies, users, accountSettings, outbox, events, clock);
        web.addFilter("access-control", new AccessControlFilter(setup, allowList, events), "/*");
        web.addServlet("login", new LoginServlet(views, logins, secondFactor, completion), "/login");
        web.addServlet("second-factor", new SecondFactorServlet(views, logins, secondFactor, completion),
                SecondFactorServlet.PATH);
        web.addServlet("logout", new LogoutServlet(events), "/logout");
        web.addServlet("setup", new SetupServlet(views, setup, events), "/setup");
        web.addServlet("account", new AccountPages(views, users, logins, accountSettings, secondFactor, events, clock),
                AccountPages.PASSWORD_PATH, AccountPages.SECURITY_PATH, AccountPages.KEEPALIVE_PATH);
        web.addServlet("security-admin", new SecurityAdminPages(views, policies, lockout, allowList, users, companies,
                events), SecurityAdminPages.PATH);
    }

    /**
     * For machine endpoints (HTTP Basic, e.g. SAP's technical user): the checks of the login form
     * (lock-out, allowed addresses, same work for unknown accounts, audit), without a session. An
     * account with a second factor cannot log in this way. Call after {@link #installAccessControl}.
     */
    public Optional<AccountPrincipal> verifyMachineLogin(String username, String password, String clientIp) {
        LoginService.Outcome outcome = logins.checkPassword(username, password, clientIp);
        if (outcome instanceof LoginService.Accepted accepted) {
            return Optional.of(accepted.account());
        }
        if (outcome instanceof LoginService.SecondFactorNeeded needed) {
            logins.fail(needed.account().username(), clientIp, "machine login for an account with a second factor");
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        mailWorker.ifPresent(MailWorker::close);
    }
}
