package com.procura.upgrades;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import com.procura.security.SecurityDecision;
import com.procura.security.SecurityEvents;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/upgrade} (administrators): installed version, channel, what is offered and why not, release notes,
 * history and the progress of a running upgrade, from the upgrade manager's state files; the buttons only write a
 * request for the upgrade manager's own service and audit it.
 */
public final class UpgradePage extends HttpServlet {
    static final String VIEW = "upgrades/upgrade.jte";
    static final String PATH = "/admin/upgrade";
    private static final String PERMISSION = "upgrade:admin";

    private final Views views;
    private final UpgradeState state;
    private final UpgradeRequests requests;
    private final SecurityEvents audit;

    public UpgradePage(Views views, Path stateDir, SecurityEvents audit, Clock clock) {
        this.views = views;
        this.state = new UpgradeState(stateDir);
        this.requests = new UpgradeRequests(state.requestsDir(), clock);
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> user = CurrentUser.permitted(request, response, "upgrade", PERMISSION);
        if (user.isPresent()) {
            show(response, user.get(), HttpServletResponse.SC_OK, request.getParameter("requested") != null
                    ? "Requested. The upgrade manager carries it out as its own service; this page follows its progress." : null, null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "upgrade", PERMISSION);
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        String action = String.valueOf(request.getParameter("action"));
        String channel = request.getParameter("channel");
        String problem = switch (action) {
            case "check", "apply" -> null;
            case "channel" -> UpgradeRequests.CHANNELS.contains(String.valueOf(channel)) ? null
                    : "Unknown channel '" + channel + "': choose feature, pre-release or live.";
            default -> "Unknown action '" + action + "'.";
        };
        if (problem == null && state.read().busy()) {
            problem = "An upgrade request is still being carried out; wait until it has finished.";
        }
        if (problem != null) {
            show(response, user, HttpServletResponse.SC_BAD_REQUEST, null, problem);
            return;
        }
        String what = action.equals("channel") ? "follow channel " + channel : action;
        String file;
        try {
            file = requests.submit(action, action.equals("channel") ? channel : null, user.account().username());
        } catch (IOException e) {
            show(response, user, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, "The request could not be written: " + e.getMessage());
            return;
        }
        audit.decided(SecurityDecision.of(SecurityDecision.Kind.UPGRADE_REQUESTED, user.account().username(),
                request.getRemoteAddr(), "upgrade manager", what + " (request " + file + ")"));
        response.sendRedirect(PATH + "?requested");
    }

    private void show(HttpServletResponse response, CurrentUser user, int status, String notice, String problem) throws IOException {
        UpgradeView view = UpgradeView.of(state.read(), state.dir());
        if (view.busy()) {
            response.setHeader("Refresh", "3");
        }
        views.render(response, status, VIEW, Map.of("user", user, "view", view,
                "notice", Optional.ofNullable(notice), "problem", Optional.ofNullable(problem)));
    }
}
