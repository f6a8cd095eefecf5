package com.procura.security;

import com.procura.platform.web.Csrf;
import com.procura.platform.web.Views;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;

/** The login form. Unknown account and wrong password get the same answer in the same time. */
final class LoginServlet extends HttpServlet {
    static final String VIEW = "security/login.jte";
    static final String FAILED = "Invalid user name or password.";
    private static final int MAX_USERNAME = 100;
    private static final int MAX_PASSWORD = 256;

    private final Views views;
    private final SecurityEvents events;

    LoginServlet(Views views, SecurityEvents events) {
        this.views = views;
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CurrentUser.principal() != null) {
            response.sendRedirect("/dashboard");
            return;
        }
        String notice = request.getParameter("logged-out") != null ? "You are logged out." : null;
        show(request, response, HttpServletResponse.SC_OK, null, notice, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = trim(request.getParameter("username"));
        String password = request.getParameter("password");
        String ip = request.getRemoteAddr();
        Subject subject = SecurityUtils.getSubject();
        if (username.isEmpty() || password == null || username.length() > MAX_USERNAME
                || password.length() > MAX_PASSWORD) {
            events.loginFailed(username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username, ip);
            show(request, response, HttpServletResponse.SC_UNAUTHORIZED, FAILED, null, "");
            return;
        }
        try {
            subject.login(new UsernamePasswordToken(username, password.toCharArray()));
        } catch (AuthenticationException e) {
            events.loginFailed(username, ip);
            show(request, response, HttpServletResponse.SC_UNAUTHORIZED, FAILED, null, username);
            return;
        }
        request.changeSessionId();
        request.getSession().removeAttribute("procura.csrf");
        AccountPrincipal account = CurrentUser.principal();
        events.loggedIn(account.username(), ip);
        response.sendRedirect(safeNext(request.getParameter("next")));
    }

    /** Only a local path: never an absolute or protocol-relative URL (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/dashboard";
        }
        return next;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String error,
            String notice, String username) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", Csrf.token(request));
        model.put("error", error);
        model.put("notice", notice);
        model.put("username", username);
        model.put("next", request.getParameter("next") == null ? "" : request.getParameter("next"));
        views.render(response, status, VIEW, model);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
