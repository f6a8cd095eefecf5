package com.procura.accesslog;

import com.procura.security.AccountPrincipal;
import com.procura.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Records every authenticated request with its outcome. */
public final class AccessLogFilter extends HttpFilter {
    private final AccessLog accessLog;

    public AccessLogFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AccountPrincipal before = CurrentUser.principal();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            // Login and logout are recorded as their own events by the security feature.
            AccountPrincipal account = before != null ? before : CurrentUser.principal();
            if (account != null && !isLoginOrLogout(request)) {
                accessLog.record(AccessEvent.request(account.username(), request.getRemoteAddr(),
                        request.getMethod(), pathOf(request), status));
            }
        }
    }

    private static boolean isLoginOrLogout(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return "POST".equals(request.getMethod()) && ("/login".equals(uri) || "/logout".equals(uri));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
