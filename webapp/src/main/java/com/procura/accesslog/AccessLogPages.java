package com.procura.accesslog;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /admin/access-log}: search by account, IP and time range (UTC); {@code .csv} exports the result. */
public final class AccessLogPages extends HttpServlet {
    static final String VIEW = "accesslog/search.jte";
    private static final int PAGE_ROWS = 200;

    private final Views views;
    private final AccessLogSearch search;

    public AccessLogPages(Views views, AccessLogSearch search) {
        this.views = views;
        this.search = search;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "access-log", "accesslog:read");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        List<String> problems = new ArrayList<>();
        String account = text(request, "account");
        String ip = text(request, "ip");
        Instant from = time(request, "from", problems);
        Instant to = time(request, "to", problems);
        boolean csv = request.getServletPath().endsWith(".csv");
        if (csv && !problems.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        List<AccessEvent> events = problems.isEmpty()
                ? search.find(new AccessLogQuery(account, ip, from, to, csv ? AccessLogQuery.MAX_ROWS : PAGE_ROWS))
                : List.of();
        if (csv) {
            writeCsv(response, events);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("events", events);
        model.put("problems", problems);
        model.put("account", account == null ? "" : account);
        model.put("ip", ip == null ? "" : ip);
        model.put("from", raw(request, "from"));
        model.put("to", raw(request, "to"));
        model.put("query", request.getQueryString() == null ? "" : "?" + request.getQueryString());
        views.render(response, VIEW, model);
    }

    private static void writeCsv(HttpServletResponse response, List<AccessEvent> events) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"access-log.csv\"");
        PrintWriter out = response.getWriter();
        out.print("timestamp_utc,account,client_ip,event,method,path,status\r\n");
        for (AccessEvent event : events) {
            out.print(String.join(",", event.at().toString(), csv(event.account()), csv(event.clientIp()),
                    event.type().name(), csv(event.method()), csv(event.path()), String.valueOf(event.status())));
            out.print("\r\n");
        }
    }

    /** RFC 4180 quoting, and a leading quote for values a spreadsheet would run as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String raw(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant time(HttpServletRequest request, String name, List<String> problems) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add("'" + name + "' is not a date and time like 2026-12-03T14:30: " + value);
            return null;
        }
    }
}
