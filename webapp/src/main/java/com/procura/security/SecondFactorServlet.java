package com.procura.security;

import com.procura.platform.web.Csrf;
import com.procura.platform.web.Views;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /login/second-factor}: the TAN from the SMS or the code of the authenticator app. Works
 * only in the session whose password step started it; a wrong code counts toward lock-out.
 */
final class SecondFactorServlet extends HttpServlet {
    static final String PATH = "/login/second-factor";
    static final String VIEW = "security/second-factor.jte";
    static final String WRONG = "The code is wrong. Try again.";

    private final Views views;
    private final LoginService logins;
    private final SecondFactorService secondFactor;
    private final LoginCompletion completion;

    SecondFactorServlet(Views views, LoginService logins, SecondFactorService secondFactor,
            LoginCompletion completion) {
        this.views = views;
        this.logins = logins;
        this.secondFactor = secondFactor;
        this.completion = completion;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PendingLogin pending = pending(request);
        if (pending == null) {
            response.sendRedirect("/login");
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, pending, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PendingLogin pending = pending(request);
        String ip = request.getRemoteAddr();
        if (pending == null) {
            logins.fail("-", ip, "second-factor code without a pending login in this session");
            response.sendRedirect("/login");
            return;
        }
        String name = pending.account().username();
        if (logins.lockOf(name, ip).isPresent()) {
            abandon(request);
            logins.fail(name, ip, "second factor while locked");
            response.sendRedirect("/login");
            return;
        }
        String code = request.getParameter("code");
        String trimmed = code == null ? "" : code.strip();
        switch (secondFactor.verify(pending, trimmed.length() > 10 ? "" : trimmed, ip)) {
            case ACCEPTED -> {
                logins.succeeded(name, ip);
                completion.complete(request, response, pending.account(), pending.changeReason(), pending.next());
            }
            case WRONG -> {
                logins.fail(name, ip, "wrong " + pending.method() + " code");
                if (logins.lockOf(name, ip).isPresent()) {
                    abandon(request);
                    response.sendRedirect("/login");
                } else {
                    show(request, response, HttpServletResponse.SC_UNAUTHORIZED, pending, WRONG);
                }
            }
            case EXPIRED, REFUSED -> {
                abandon(request);
                logins.fail(name, ip, pending.method() + " code expired, used up or replayed");
                response.sendRedirect("/login?expired");
            }
        }
    }

    private static PendingLogin pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PendingLogin) session.getAttribute(PendingLogin.ATTRIBUTE);
    }

    private static void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingLogin.ATTRIBUTE);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, PendingLogin pending,
            String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", Csrf.token(request));
        model.put("sms", pending.method() == AccountSecurity.SecondFactor.SMS);
        model.put("error", error);
        views.render(response, status, VIEW, model);
    }
}
