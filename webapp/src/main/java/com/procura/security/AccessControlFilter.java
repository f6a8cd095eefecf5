package com.procura.security;

import com.procura.platform.web.Csrf;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three gates for every request: until the first admin exists only the setup page is open; every
 * other page needs a login; every state-changing request needs the session's CSRF token.
 */
final class AccessControlFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControlFilter.class);
    private static final List<String> PUBLIC_PREFIXES = List.of("/static/", "/health/");
    /** Machine endpoints authenticate each request themselves (HTTP Basic); no session, so no CSRF token. */
    private static final String MACHINE_PREFIX = "/sap/";
    private static final Set<String> PUBLIC_PATHS = Set.of("/login", "/setup", "/error", "/favicon.ico");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SetupService setup;

    AccessControlFilter(SetupService setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (path.startsWith(MACHINE_PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        boolean isPublic = PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
        boolean openDuringSetup = "/setup".equals(path) || "/error".equals(path)
                || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
        if (setup.pending() && !openDuringSetup) {
            response.sendRedirect("/setup");
            return;
        }
        if (!isPublic && CurrentUser.principal() == null) {
            if ("GET".equals(request.getMethod())) {
                String next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
                response.sendRedirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
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
}
