package com.procura.integration.sap;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /admin/sap/partners}: partner profiles (SAP system, logical system, ports, answers). */
final class PartnerPages extends HttpServlet {
    static final String LIST = "sap/partners.jte";
    static final String FORM = "sap/partner-form.jte";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerPages.class);

    private final Views views;
    private final PartnerProfiles partners;

    PartnerPages(Views views, PartnerProfiles partners) {
        this.views = views;
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
            views.render(response, LIST, Map.of("user", user, "partners", partners.list()));
            return;
        }
        Optional<SapPartner> partner = "/new".equals(path) ? Optional.of(blank()) : idOf(path).flatMap(partners::find);
        if (partner.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        showForm(response, user, partner.get(), List.of(), HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "sap", "sap:admin");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        String path = String.valueOf(request.getPathInfo());
        long id = "/new".equals(path) ? 0 : idOf(path).orElse(-1L);
        Optional<SapPartner> existing = id > 0 ? partners.find(id) : Optional.empty();
        if (id < 0 || (id > 0 && existing.isEmpty())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<String> problems = new ArrayList<>();
        SapPartner partner = read(request, id, existing, problems);
        if (!problems.isEmpty()) {
            showForm(response, user, partner, problems, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            partners.save(partner);
        } catch (IllegalArgumentException e) {
            showForm(response, user, partner, List.of(e.getMessage()), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        LOG.info("Partner profile {} ({}) saved by {}", partner.name(), partner.logicalSystem(), user.account().username());
        response.sendRedirect("/admin/sap/partners");
    }

    private static SapPartner read(HttpServletRequest request, long id, Optional<SapPartner> existing, List<String> problems) {
        String name = text(request, "name");
        String logicalSystem = text(request, "logicalSystem").toUpperCase(java.util.Locale.ROOT);
        if (name.isEmpty() || name.length() > 100) {
            problems.add("Name: 1 to 100 characters.");
        }
        if (!logicalSystem.matches("[A-Z0-9_/]{1,10}")) {
            problems.add("Logical system: 1 to 10 letters or digits, as in SAP (e.g. T90CLNT090).");
        }
        SapPartner.PortType portType = "HTTP".equals(text(request, "portType")) ? SapPartner.PortType.HTTP : SapPartner.PortType.FILE;
        SapPartner.FileFormat format = "FLAT".equals(text(request, "fileFormat")) ? SapPartner.FileFormat.FLAT : SapPartner.FileFormat.XML;
        String url = text(request, "outboundUrl");
        if (portType == SapPartner.PortType.HTTP && !url.startsWith("https://")) {
            problems.add("SAP URL: the XML-HTTP port needs an https:// address.");
        }
        int maxAttempts;
        try {
            maxAttempts = Integer.parseInt(text(request, "maxAttempts"));
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add("Attempts before giving up: a number from 1 to 100.");
            maxAttempts = 10;
        }
        String currency = text(request, "currency").toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            problems.add("Default currency: three letters (ISO 4217), e.g. EUR.");
        }
        String mapping = request.getParameter("fieldMapping") == null ? "" : request.getParameter("fieldMapping").trim();
        for (String line : mapping.split("\\R")) {
            if (!line.isBlank() && !line.trim().matches("[A-Za-z0-9_/]+-[A-Za-z0-9_/]+\\s*=\\s*.{1,60}")) {
                problems.add("Field mapping line '" + line.trim() + "': expected SEGMENT-FIELD=Label, e.g. Z1ZORDER-ZPROJECT=Project.");
            }
        }
        String password = request.getParameter("outboundPassword");
        String keptPassword = password == null || password.isEmpty()
                ? existing.map(SapPartner::outboundPassword).orElse(null) : password;
        String ourPartner = text(request, "ourPartner").isEmpty() ? "PROCURA" : text(request, "ourPartner");
        String ourPort = text(request, "ourPort").isEmpty() ? "PROCURA" : text(request, "ourPort");
        return new SapPartner(id, name, logicalSystem, request.getParameter("isDefault") != null, portType, format, url,
                text(request, "outboundUser"), keptPassword, ourPartner, ourPort, maxAttempts, currency, mapping);
    }

    private void showForm(HttpServletResponse response, CurrentUser user, SapPartner partner, List<String> problems,
            int status) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("partner", partner);
        model.put("problems", problems);
        views.render(response, status, FORM, model);
    }

    static SapPartner blank() {
        return new SapPartner(0, "", "", false, SapPartner.PortType.FILE, SapPartner.FileFormat.XML, "", "", null,
                "PROCURA", "PROCURA", 10, "EUR", "");
    }

    private static Optional<Long> idOf(String path) {
        try {
            return Optional.of(Long.parseLong(path.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
