package com.procura.integration.sap;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /admin/sap/queues}: inbound and outbound transfer queues with state, error and original
 * payload; retry a failed IDoc, send a dead or waiting message now, re-send a sent one.
 */
final class TransferQueuePages extends HttpServlet {
    static final String LIST = "sap/queues.jte";
    static final String ITEM = "sap/queue-item.jte";
    private static final Pattern ITEM_PATH = Pattern.compile("/(inbound|outbound)/(\\d+)(?:/(retry|resend))?");

    private final Views views;
    private final InboundQueue inbound;
    private final Outbox outbox;
    private final PartnerProfiles partners;

    TransferQueuePages(Views views, InboundQueue inbound, Outbox outbox, PartnerProfiles partners) {
        this.views = views;
        this.inbound = inbound;
        this.outbox = outbox;
        this.partners = partners;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "sap", "sap:admin");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            InboundState inState = parse(InboundState.class, request.getParameter("in"));
            OutboundState outState = parse(OutboundState.class, request.getParameter("out"));
            Map<String, Object> model = new HashMap<>();
            model.put("user", user);
            model.put("inbound", inbound.recent(inState, 200));
            model.put("outbound", outbox.recent(outState, 200));
            model.put("rejected", inbound.rejectedPayloads(50));
            model.put("inStates", InboundState.values());
            model.put("outStates", OutboundState.values());
            model.put("inState", inState == null ? "" : inState.name());
            model.put("outState", outState == null ? "" : outState.name());
            views.render(response, LIST, model);
            return;
        }
        Matcher matcher = ITEM_PATH.matcher(path);
        if (!matcher.matches() || matcher.group(3) != null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(matcher.group(2));
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        if ("inbound".equals(matcher.group(1))) {
            Optional<InboundQueue.Entry> entry = inbound.find(id);
            if (entry.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            model.put("title", "Inbound IDoc " + entry.get().docnum());
            model.put("inboundEntry", entry.get());
            model.put("outboundMessage", null);
            model.put("content", new String(inbound.payload(entry.get().payloadId()), StandardCharsets.UTF_8));
        } else {
            Optional<Outbox.Message> message = outbox.find(id);
            if (message.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            model.put("title", message.get().kind() + " " + message.get().docnum());
            model.put("inboundEntry", null);
            model.put("outboundMessage", message.get());
            model.put("content", message.get().content());
        }
        views.render(response, ITEM, model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "sap", "sap:admin");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        Matcher matcher = ITEM_PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!matcher.matches() || matcher.group(3) == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(matcher.group(2));
        boolean done = switch (matcher.group(1) + "/" + matcher.group(3)) {
            case "inbound/retry" -> inbound.retry(id);
            case "outbound/retry" -> outbox.retryNow(id);
            case "outbound/resend" -> outbox.resend(id);
            default -> false;
        };
        if (!done) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        response.sendRedirect("/admin/sap/queues");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
