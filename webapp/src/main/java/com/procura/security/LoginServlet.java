package com.procura.security;

import com.procura.platform.web.Csrf;
import com.procura.platform.web.Views;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login form. Unknown account, wrong password, locked account and refused address get the same
 * answer in the same time; an account with a second factor continues at {@code /login/second-factor}.
 */
final class LoginServlet extends HttpServlet {
    static final String VIEW = "security/login.jte";
    static final String FAILED = "Invalid user name or password.";

    private final Views views;
    private final LoginService logins;
    private final SecondFactorService secondFactor;
    private final LoginCompletion completion;

    LoginServlet(Views views, LoginService logins, SecondFactorService secondFactor, LoginCompletion completion) {
        this.views = views;
        this.logins = logins;
        this.secondFactor = secondFactor;
        this.completion = completion;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CurrentUser.principal() != null) {
            response.sendRedirect("/dashboard");
            return;
        }
        String notice = request.getParameter("logged-out") != null ? "You are logged out."
                : request.getParameter("timeout") != null ? "You were logged out after a period without activity."
                : request.getParameter("expired") != null ? "The code has expired or was used already. Log in again."
                : null;
        show(request, response, HttpServletResponse.SC_OK, null, notice, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String next = request.getParameter("next");
        LoginService.Outcome outcome = logins.checkPassword(username, request.getParameter("password"),
                request.getRemoteAddr());
        switch (outcome) {
            case LoginService.Refused refused -> show(request, response, HttpServletResponse.SC_UNAUTHORIZED, FAILED,
                    null, shown(username));
            case LoginService.Accepted accepted -> completion.complete(request, response, accepted.account(),
                    accepted.passwordChangeReason(), next);
            case LoginService.SecondFactorNeeded needed -> {
                Optional<PendingLogin> pending = secondFactor.start(needed, request.getRemoteAddr(), next);
                if (pending.isEmpty()) {
                    show(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "The TAN could not be sent. Try again later or ask your administrator.", null, "");
                    return;
                }
                request.changeSessionId();
                request.getSession().setAttribute(PendingLogin.ATTRIBUTE, pending.get());
                response.sendRedirect(SecondFactorServlet.PATH);
            }
        }
    }

    /** Only a local path: never an absolute or protocol-relative URL (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/dashboard";
        }
        return next;
    }

    private static String shown(String username) {
        String name = username == null ? "" : username.strip();
        return name.length() > LoginService.MAX_USERNAME ? "" : name;
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
}
