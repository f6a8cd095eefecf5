package com.procura.security;

import com.procura.platform.web.Csrf;
import com.procura.platform.web.Views;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** First-run page: the one-time setup token creates the first admin. */
final class SetupServlet extends HttpServlet {
    static final String VIEW = "security/setup.jte";

    private final Views views;
    private final SetupService setup;
    private final SecurityEvents events;

    SetupServlet(Views views, SetupService setup, SecurityEvents events) {
        this.views = views;
        this.setup = setup;
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!setup.pending()) {
            response.sendRedirect("/login");
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, null, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = value(request, "username");
        String password = request.getParameter("password");
        if (password == null || !password.equals(request.getParameter("confirm"))) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, "The two passwords differ.", username);
            return;
        }
        try {
            setup.complete(value(request, "token"), username, value(request, "displayName"), value(request, "email"),
                    password);
        } catch (SetupService.SetupException e) {
            events.decided(SecurityDecision.of(SecurityDecision.Kind.ACCOUNT_CREATION_REFUSED, "setup",
                    request.getRemoteAddr(), username, e.getMessage()));
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), username);
            return;
        }
        events.decided(SecurityDecision.of(SecurityDecision.Kind.ACCOUNT_CREATED, "setup", request.getRemoteAddr(),
                username.toLowerCase(java.util.Locale.ROOT), "first administrator, with the one-time setup token"));
        response.sendRedirect("/login");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String error,
            String username) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", Csrf.token(request));
        model.put("error", error);
        model.put("username", username);
        model.put("tokenFile", setup.tokenFile().toString());
        views.render(response, status, VIEW, model);
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
