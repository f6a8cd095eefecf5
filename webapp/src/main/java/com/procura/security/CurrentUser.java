package com.procura.security;

import com.procura.platform.web.Csrf;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/** The logged-in account as pages and templates see it: who, what they may do, the CSRF token. */
public final class CurrentUser {
    private final Subject subject;
    private final AccountPrincipal principal;
    private final String csrfToken;
    private final String section;
    private final int idleSeconds;

    private CurrentUser(Subject subject, AccountPrincipal principal, String csrfToken, String section,
            int idleSeconds) {
        this.subject = subject;
        this.principal = principal;
        this.csrfToken = csrfToken;
        this.section = section;
        this.idleSeconds = idleSeconds;
    }

    /** The current user of a page request; {@code section} marks the active navigation entry. */
    public static CurrentUser of(HttpServletRequest request, String section) {
        Subject subject = SecurityUtils.getSubject();
        AccountPrincipal principal = subject.getPrincipals() == null ? null
                : subject.getPrincipals().oneByType(AccountPrincipal.class);
        String csrf = Csrf.token(request);
        return new CurrentUser(subject, principal, csrf, section, request.getSession().getMaxInactiveInterval());
    }

    /** The current user when permitted; otherwise the answer is 403 and the result empty. */
    public static java.util.Optional<CurrentUser> permitted(HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, String section, String permission)
            throws java.io.IOException {
        CurrentUser user = of(request, section);
        if (!user.can(permission)) {
            response.sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(user);
    }

    public static AccountPrincipal principal() {
        Subject subject = SecurityUtils.getSubject();
        return subject.getPrincipals() == null ? null : subject.getPrincipals().oneByType(AccountPrincipal.class);
    }

    public boolean loggedIn() {
        return principal != null;
    }

    public boolean can(String permission) {
        return principal != null && subject.isPermitted(permission);
    }

    public AccountPrincipal account() {
        return principal;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Seconds without a request before the server ends this session (the page warns before). */
    public int idleSeconds() {
        return idleSeconds;
    }

    public String section() {
        return section;
    }

    public String displayName() {
        return principal == null ? "" : principal.displayName();
    }

    public String roleName() {
        return principal == null ? "" : principal.role().id();
    }
}
