package com.procura.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;

/** POST only (with the CSRF token), so that no link or image can log a user out. */
final class LogoutServlet extends HttpServlet {
    private final SecurityEvents events;

    LogoutServlet(SecurityEvents events) {
        this.events = events;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccountPrincipal account = CurrentUser.principal();
        if (account != null) {
            events.loggedOut(account.username(), request.getRemoteAddr());
        }
        SecurityUtils.getSubject().logout();
        response.sendRedirect("/login?logged-out");
    }
}
