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
        web.addFilter("access-control", new AccessControlFilter(setup), "/*");
        web.addServlet("login", new LoginServlet(views, events), "/login");
        web.addServlet("logout", new LogoutServlet(events), "/logout");
        web.addServlet("setup", new SetupServlet(views, setup), "/setup");
    }
}
