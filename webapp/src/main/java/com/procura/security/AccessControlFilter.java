package com.procura.security;

import com.procura.platform.web.Csrf;
import com.procura.security.network.IpAllowList;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.shiro.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates of every request: until the first admin exists only the setup page is open; every
 * other page needs a login; a logged-in account's requests must come from its allowed addresses;
 * an account that must change its password sees nothing else; every state-changing request needs
 * the session's CSRF token.
 */
final class AccessControlFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControlFilter.class);
    private static final List<String> PUBLIC_PREFIXES = List.of("/static/", "/health/");
    /** Machine endpoints authenticate each request themselves (HTTP Basic); no session, so no CSRF token. */
    private static final String MACHINE_PREFIX = "/sap/";
    private static final Set<String> PUBLIC_PATHS = Set.of("/login", SecondFactorServlet.PATH, "/setup", "/error",
            "/favicon.ico");
    private static final Set<String> PASSWORD_CHANGE_PATHS = Set.of(AccountPages.PASSWORD_PATH, "/logout", "/error");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SetupService setup;
    private final IpAllowList allowList;
    private final SecurityEvents events;

    AccessControlFilter(SetupService setup, IpAllowList allowList, SecurityEvents events) {
        this.setup = setup;
        this.allowList = allowList;
        this.events = events;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (path.startsWith(MACHINE_PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        boolean isStatic = PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
        boolean isPublic = PUBLIC_PATHS.contains(path) || isStatic;
        boolean openDuringSetup = "/setup".equals(path) || "/error".equals(path) || isStatic;
        if (setup.pending() && !openDuringSetup) {
            response.sendRedirect("/setup");
            return;
        }
        AccountPrincipal account = CurrentUser.principal();
        if (!isPublic && account == null) {
            if ("GET".equals(request.getMethod())) {
                String next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
                response.sendRedirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (account != null && !isStatic && !allowList.allows(account.id(), account.companyId(), request.getRemoteAddr())) {
            events.decided(SecurityDecision.of(SecurityDecision.Kind.IP_REFUSED, account.username(),
                    request.getRemoteAddr(), account.username(), "request " + request.getMethod() + " " + path
                            + " from an address outside the allow list; session ended"));
            SecurityUtils.getSubject().logout();
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (account != null && !isPublic && !PASSWORD_CHANGE_PATHS.contains(path) && passwordChangeDue(request)) {
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(AccountPages.PASSWORD_PATH);
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !Csrf.isValid(request)) {
            LOG.warn("Refused {} {} from {}: missing or wrong CSRF token", request.getMethod(), path,
                    request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean passwordChangeDue(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(LoginCompletion.PASSWORD_CHANGE) != null;
    }
}
