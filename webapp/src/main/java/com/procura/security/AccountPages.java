package com.procura.security;

import com.procura.platform.web.Views;
import com.procura.security.secondfactor.QrCode;
import com.procura.security.secondfactor.Totp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own security: {@code /account/password} (also the forced change after login) and
 * {@code /account/security} (login e-mail, SMS TAN or authenticator app).
 */
final class AccountPages extends HttpServlet {
    static final String PASSWORD_PATH = "/account/password";
    static final String SECURITY_PATH = "/account/security";
    static final String KEEPALIVE_PATH = "/account/keepalive";
    static final String PASSWORD_VIEW = "security/password.jte";
    static final String SECURITY_VIEW = "security/account.jte";
    private static final String TOTP_SETUP = "procura.totp-setup";

    private final Views views;
    private final UserService users;
    private final LoginService logins;
    private final AccountSecurityStore accountSettings;
    private final SecondFactorService secondFactor;
    private final SecurityEvents events;
    private final Clock clock;

    AccountPages(Views views, UserService users, LoginService logins, AccountSecurityStore accountSettings,
            SecondFactorService secondFactor, SecurityEvents events, Clock clock) {
        this.views = views;
        this.users = users;
        this.logins = logins;
        this.accountSettings = accountSettings;
        this.secondFactor = secondFactor;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PASSWORD_PATH.equals(request.getServletPath())) {
            showPassword(request, response, HttpServletResponse.SC_OK, null);
        } else if (KEEPALIVE_PATH.equals(request.getServletPath())) {
            request.getSession(false);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            String notice = request.getParameter("changed") != null ? "Your new password is saved." : null;
            showSecurity(request, response, HttpServletResponse.SC_OK, null, notice);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PASSWORD_PATH.equals(request.getServletPath())) {
            changePassword(request, response);
            return;
        }
        AccountPrincipal account = CurrentUser.principal();
        AccountSecurity settings = accountSettings.of(account.id());
        String ip = request.getRemoteAddr();
        String action = String.valueOf(request.getParameter("action"));
        switch (action) {
            case "login-email" -> {
                boolean enabled = "on".equals(request.getParameter("enabled"));
                accountSettings.save(settings.withLoginEmail(enabled));
                audit(SecurityDecision.Kind.SECOND_FACTOR_CHANGED, account, ip, "login e-mail " + (enabled ? "on" : "off"));
                showSecurity(request, response, 200, null, "Login e-mail " + (enabled ? "enabled." : "disabled."));
            }
            case "sms" -> {
                String phone = String.valueOf(request.getParameter("phone")).strip();
                if (!secondFactor.smsAvailable()) {
                    showSecurity(request, response, 400, "No SMS gateway is configured on this server.", null);
                } else if (!phone.matches("\\+?[0-9 ]{6,20}")) {
                    showSecurity(request, response, 400, "The phone number must be digits, e.g. +49 170 1234567.", null);
                } else if (!passwordConfirmed(request, account, ip)) {
                    showSecurity(request, response, 400, "Your current password is wrong.", null);
                } else {
                    accountSettings.save(settings.withSms(phone));
                    audit(SecurityDecision.Kind.SECOND_FACTOR_CHANGED, account, ip, "SMS TAN on");
                    showSecurity(request, response, 200, null, "Logins now need a TAN sent by SMS.");
                }
            }
            case "totp-start" -> {
                request.getSession().setAttribute(TOTP_SETUP, Totp.newSecret());
                showSecurity(request, response, 200, null, null);
            }
            case "totp-confirm" -> confirmTotp(request, response, account, settings, ip);
            case "second-factor-off" -> {
                if (!passwordConfirmed(request, account, ip)) {
                    showSecurity(request, response, 400, "Your current password is wrong.", null);
                } else {
                    accountSettings.save(settings.withoutSecondFactor());
                    audit(SecurityDecision.Kind.SECOND_FACTOR_CHANGED, account, ip, "second factor off");
                    showSecurity(request, response, 200, null, "Logins need only your password now.");
                }
            }
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private void confirmTotp(HttpServletRequest request, HttpServletResponse response, AccountPrincipal account,
            AccountSecurity settings, String ip) throws IOException {
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(TOTP_SETUP);
        long step = secret == null ? -1 : Totp.matchingStep(secret, request.getParameter("code"), clock.instant());
        if (step < 0) {
            showSecurity(request, response, 400, "The code does not match. Check the time on your phone and try again.",
                    null);
            return;
        }
        accountSettings.save(settings.withTotp(secret));
        accountSettings.claimTotpStep(account.id(), step);
        session.removeAttribute(TOTP_SETUP);
        audit(SecurityDecision.Kind.SECOND_FACTOR_CHANGED, account, ip, "authenticator app on");
        showSecurity(request, response, 200, null, "Logins now need a code from your authenticator app.");
    }

    private boolean passwordConfirmed(HttpServletRequest request, AccountPrincipal account, String ip) {
        String current = request.getParameter("current");
        if (current != null && current.length() <= LoginService.MAX_PASSWORD
                && users.passwordMatches(account.username(), current)) {
            return true;
        }
        logins.fail(account.username(), ip, "wrong current password on the account page");
        return false;
    }

    private void changePassword(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccountPrincipal account = CurrentUser.principal();
        String ip = request.getRemoteAddr();
        String password = request.getParameter("password");
        if (password == null || !password.equals(request.getParameter("confirm"))) {
            showPassword(request, response, 400, "The two new passwords differ.");
            return;
        }
        if (!passwordConfirmed(request, account, ip)) {
            showPassword(request, response, 400, "Your current password is wrong.");
            return;
        }
        Optional<String> problem = PasswordPolicy.problem(password, account.username());
        if (problem.isEmpty() && password.equals(request.getParameter("current"))) {
            problem = Optional.of("The new password must differ from the current one.");
        }
        if (problem.isPresent()) {
            audit(SecurityDecision.Kind.PASSWORD_CHANGE_REFUSED, account, ip, problem.get());
            showPassword(request, response, 400, problem.get());
            return;
        }
        users.changePassword(account.username(), password, false);
        accountSettings.save(accountSettings.of(account.id()).withPasswordChangedAt(clock.instant()));
        request.getSession().removeAttribute(LoginCompletion.PASSWORD_CHANGE);
        audit(SecurityDecision.Kind.PASSWORD_CHANGED, account, ip, "by the user");
        response.sendRedirect(SECURITY_PATH + "?changed");
    }

    private void audit(SecurityDecision.Kind kind, AccountPrincipal account, String ip, String detail) {
        events.decided(SecurityDecision.of(kind, account.username(), ip, account.username(), detail));
    }

    private void showPassword(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("user", CurrentUser.of(request, "account"));
        model.put("reason", request.getSession().getAttribute(LoginCompletion.PASSWORD_CHANGE));
        model.put("error", error);
        views.render(response, status, PASSWORD_VIEW, model);
    }

    private void showSecurity(HttpServletRequest request, HttpServletResponse response, int status, String error,
            String notice) throws IOException {
        AccountPrincipal account = CurrentUser.principal();
        String setup = (String) request.getSession().getAttribute(TOTP_SETUP);
        Map<String, Object> model = new HashMap<>();
        model.put("user", CurrentUser.of(request, "account"));
        model.put("settings", accountSettings.of(account.id()));
        model.put("smsAvailable", secondFactor.smsAvailable());
        model.put("totpSecret", setup);
        String uri = setup == null ? null : Totp.uri("Procura", account.username(), setup);
        model.put("totpUri", uri);
        model.put("totpQr", uri == null ? null : QrCode.svg(uri, "QR code for your authenticator app"));
        model.put("error", error);
        model.put("notice", notice);
        views.render(response, status, SECURITY_VIEW, model);
    }
}
