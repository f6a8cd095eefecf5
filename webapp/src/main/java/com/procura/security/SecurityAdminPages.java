package com.procura.security;

import com.procura.platform.web.Views;
import com.procura.security.lockout.Lock;
import com.procura.security.lockout.LockoutService;
import com.procura.security.network.IpAllowList;
import com.procura.security.network.IpRange;
import com.procura.security.policy.PolicyStore;
import com.procura.security.policy.SecurityPolicy;
import com.procura.suppliers.Company;
import com.procura.suppliers.SupplierService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/security}: the policy (lock-out, idle timeouts, password expiry), IP allow lists,
 * forced password resets, and the locked accounts and blocked addresses with a button to lift each.
 * Every change is audited with the old and new value.
 */
final class SecurityAdminPages extends HttpServlet {
    static final String PATH = "/admin/security";
    static final String VIEW = "security/admin.jte";
    static final String PERMISSION = "security:admin";

    private final Views views;
    private final PolicyStore policies;
    private final LockoutService lockout;
    private final IpAllowList allowList;
    private final UserService users;
    private final SupplierService companies;
    private final SecurityEvents events;

    SecurityAdminPages(Views views, PolicyStore policies, LockoutService lockout, IpAllowList allowList,
            UserService users, SupplierService companies, SecurityEvents events) {
        this.views = views;
        this.policies = policies;
        this.lockout = lockout;
        this.allowList = allowList;
        this.users = users;
        this.companies = companies;
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(request, "security");
        if (!user.can(PERMISSION)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        show(request, response, 200, List.of(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(request, "security");
        if (!user.can(PERMISSION)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Change change = new Change(user.account().username(), request.getRemoteAddr());
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "policy" -> savePolicy(request, change);
                case "role-idle" -> saveRoleIdle(request, change);
                case "company-idle" -> saveCompanyIdle(request, change);
                case "allow-account" -> saveAccountAllowList(request, change);
                case "allow-company" -> saveCompanyAllowList(request, change);
                case "force-reset" -> forceReset(request, change);
                case "lift" -> lift(request, change);
                default -> throw new Invalid("Unknown action.");
            }
        } catch (Invalid e) {
            show(request, response, 400, e.problems, null);
            return;
        }
        show(request, response, 200, List.of(), change.notice);
    }

    private void savePolicy(HttpServletRequest request, Change change) {
        SecurityPolicy old = policies.current();
        List<String> problems = new ArrayList<>();
        Form form = new Form(request, problems);
        SecurityPolicy updated = new SecurityPolicy(
                "on".equals(request.getParameter("lockoutEnabled")),
                form.number("pairFailures", 1, 1000),
                form.number("accountFailures", 1, 10_000),
                form.number("accountAddresses", 1, 1000),
                form.number("addressFailures", 1, 100_000),
                form.number("lockSeconds", 1, 86_400),
                form.number("maxLockSeconds", 1, 31 * 86_400),
                form.number("windowMinutes", 1, 10_080),
                form.number("idleMinutes", 1, 1440) * 60,
                old.roleIdleSeconds(), old.companyIdleSeconds(),
                form.number("expiryDays", 0, 3650));
        if (problems.isEmpty() && updated.maxLockSeconds() < updated.lockSeconds()) {
            problems.add("The longest lock must not be shorter than the first lock.");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        policies.setPolicy(updated);
        change.audit(SecurityDecision.Kind.POLICY_CHANGED, "policy", old + " -> " + updated);
        change.notice = "Policy saved.";
    }

    private void saveRoleIdle(HttpServletRequest request, Change change) {
        Role role;
        try {
            role = Role.valueOf(String.valueOf(request.getParameter("role")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("Unknown role '" + request.getParameter("role") + "'.");
        }
        Integer seconds = optionalMinutes(request);
        policies.setRoleIdle(role, seconds);
        change.audit(SecurityDecision.Kind.POLICY_CHANGED, "idle timeout of role " + role.id(),
                seconds == null ? "default" : seconds + " s");
        change.notice = "Idle timeout of role " + role.id() + " saved.";
    }

    private void saveCompanyIdle(HttpServletRequest request, Change change) {
        Company company = company(request);
        Integer seconds = optionalMinutes(request);
        policies.setCompanyIdle(company.getId(), seconds);
        change.audit(SecurityDecision.Kind.POLICY_CHANGED, "idle timeout of company " + company.getId(),
                seconds == null ? "default" : seconds + " s");
        change.notice = "Idle timeout of " + company.getName() + " saved.";
    }

    private void saveAccountAllowList(HttpServletRequest request, Change change) {
        String name = String.valueOf(request.getParameter("account")).strip().toLowerCase(Locale.ROOT);
        AccountPrincipal account = users.loginRecord(name).map(UserService.LoginRecord::principal)
                .orElseThrow(() -> new Invalid("There is no account named '" + name + "'."));
        List<IpRange> ranges = ranges(request);
        allowList.replace(IpAllowList.Scope.ACCOUNT, account.id(), ranges);
        change.audit(SecurityDecision.Kind.POLICY_CHANGED, "allowed addresses of account " + name, ranges.toString());
        change.notice = "Allowed addresses of " + name + " saved.";
    }

    private void saveCompanyAllowList(HttpServletRequest request, Change change) {
        Company company = company(request);
        List<IpRange> ranges = ranges(request);
        allowList.replace(IpAllowList.Scope.COMPANY, company.getId(), ranges);
        change.audit(SecurityDecision.Kind.POLICY_CHANGED, "allowed addresses of company " + company.getId(),
                ranges.toString());
        change.notice = "Allowed addresses of " + company.getName() + " saved.";
    }

    private void forceReset(HttpServletRequest request, Change change) {
        if ("yes".equals(request.getParameter("all"))) {
            int count = users.forcePasswordChangeForAll();
            change.audit(SecurityDecision.Kind.PASSWORD_RESET_FORCED, "all accounts", count + " accounts");
            change.notice = "All " + count + " accounts must set a new password at their next login.";
            return;
        }
        String name = String.valueOf(request.getParameter("account")).strip().toLowerCase(Locale.ROOT);
        if (!users.forcePasswordChange(name)) {
            throw new Invalid("There is no account named '" + name + "'.");
        }
        change.audit(SecurityDecision.Kind.PASSWORD_RESET_FORCED, name, "one account");
        change.notice = name + " must set a new password at the next login.";
    }

    private void lift(HttpServletRequest request, Change change) {
        Lock.Kind kind;
        try {
            kind = Lock.Kind.valueOf(String.valueOf(request.getParameter("kind")));
        } catch (IllegalArgumentException e) {
            throw new Invalid("Unknown lock kind.");
        }
        String subject = String.valueOf(request.getParameter("subject"));
        if (!lockout.lift(kind, subject)) {
            throw new Invalid("There is no such lock (it may have expired or been lifted already).");
        }
        change.audit(SecurityDecision.Kind.LOCK_LIFTED, subject, kind.name());
        change.notice = "Lock on " + subject + " lifted.";
    }

    private Company company(HttpServletRequest request) {
        try {
            long id = Long.parseLong(String.valueOf(request.getParameter("company")));
            return companies.find(id).orElseThrow(() -> new Invalid("There is no company " + id + "."));
        } catch (NumberFormatException e) {
            throw new Invalid("Choose a company.");
        }
    }

    private static Integer optionalMinutes(HttpServletRequest request) {
        String value = String.valueOf(request.getParameter("minutes")).strip();
        if (value.isEmpty() || "null".equals(value)) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value);
            if (minutes < 1 || minutes > 1440) {
                throw new Invalid("The idle timeout must be 1-1440 minutes (or empty for the default).");
            }
            return minutes * 60;
        } catch (NumberFormatException e) {
            throw new Invalid("The idle timeout '" + value + "' is not a whole number of minutes.");
        }
    }

    private static List<IpRange> ranges(HttpServletRequest request) {
        String text = request.getParameter("ranges") == null ? "" : request.getParameter("ranges");
        if (text.length() > 10_000) {
            throw new Invalid("The list of addresses is too long.");
        }
        try {
            return IpAllowList.parseAll(Arrays.asList(text.split("[,\\s]+")));
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, List<String> problems,
            String notice) throws IOException {
        SecurityPolicy policy = policies.current();
        List<Company> all = new ArrayList<>();
        companies.buyer().ifPresent(all::add);
        all.addAll(companies.suppliers());
        List<CompanyRow> rows = all.stream().map(c -> new CompanyRow(c.getId(), c.getName(),
                String.join(" ", allowList.rules(IpAllowList.Scope.COMPANY, c.getId()).stream()
                        .map(IpRange::text).toList()),
                Optional.ofNullable(policy.companyIdleSeconds().get(c.getId())).map(s -> Integer.toString(s / 60))
                        .orElse(""))).toList();
        Map<String, String> roleIdle = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            roleIdle.put(role.id(), Optional.ofNullable(policy.roleIdleSeconds().get(role))
                    .map(s -> Integer.toString(s / 60)).orElse(""));
        }
        String lookup = request.getParameter("account") == null ? "" : request.getParameter("account").strip();
        String lookupRanges = users.loginRecord(lookup).map(r -> String.join(" ", allowList
                .rules(IpAllowList.Scope.ACCOUNT, r.principal().id()).stream().map(IpRange::text).toList())).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("user", CurrentUser.of(request, "security"));
        model.put("policy", policy);
        model.put("locks", lockout.activeLocks());
        model.put("companies", rows);
        model.put("roleIdle", roleIdle);
        model.put("account", lookup);
        model.put("accountRanges", lookupRanges);
        model.put("problems", problems);
        model.put("notice", notice);
        views.render(response, status, VIEW, model);
    }

    /** Who changes what, for the audit log. */
    private final class Change {
        final String admin;
        final String ip;
        String notice;

        Change(String admin, String ip) {
            this.admin = admin;
            this.ip = ip;
        }

        void audit(SecurityDecision.Kind kind, String subject, String detail) {
            events.decided(SecurityDecision.of(kind, admin, ip, subject, detail));
        }
    }

    private static final class Form {
        final HttpServletRequest request;
        final List<String> problems;

        Form(HttpServletRequest request, List<String> problems) {
            this.request = request;
            this.problems = problems;
        }

        int number(String name, int min, int max) {
            String value = String.valueOf(request.getParameter(name)).strip();
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(name + "=" + value + " is out of range: expected " + min + "-" + max + ".");
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(name + "='" + value + "' is not a whole number.");
                return min;
            }
        }
    }

    private static final class Invalid extends RuntimeException {
        final List<String> problems;

        Invalid(String problem) {
            this(List.of(problem));
        }

        Invalid(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }
    }
}
