package com.procura.security;

import com.procura.security.mail.LoginMail;
import com.procura.security.mail.MailOutbox;
import com.procura.security.policy.PolicyStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;

/**
 * The end of every successful login (with or without second factor): Shiro session, new session id,
 * the idle timeout of the account's role and company, the forced password change, the access and
 * audit log entries and, when the account asked for it, the login e-mail (queued, not sent here).
 */
final class LoginCompletion {
    static final String PASSWORD_CHANGE = "procura.password-change";
    private static final String CSRF = "procura.csrf";

    private final PolicyStore policies;
    private final UserService users;
    private final AccountSecurityStore accountSettings;
    private final MailOutbox outbox;
    private final SecurityEvents events;
    private final Clock clock;

    LoginCompletion(PolicyStore policies, UserService users, AccountSecurityStore accountSettings, MailOutbox outbox,
            SecurityEvents events, Clock clock) {
        this.policies = policies;
        this.users = users;
        this.accountSettings = accountSettings;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    void complete(HttpServletRequest request, HttpServletResponse response, AccountPrincipal account,
            Optional<String> passwordChangeReason, String next) throws IOException {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.removeAttribute(PendingLogin.ATTRIBUTE);
        }
        SecurityUtils.getSubject().login(new VerifiedLogin(account));
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(CSRF);
        session.setMaxInactiveInterval(policies.current().idleSecondsFor(account.role(), account.companyId()));
        passwordChangeReason.ifPresent(reason -> session.setAttribute(PASSWORD_CHANGE, reason));
        String ip = request.getRemoteAddr();
        events.loggedIn(account.username(), ip);
        queueLoginMail(account, ip, request.getHeader("User-Agent"));
        response.sendRedirect(passwordChangeReason.isPresent() ? AccountPages.PASSWORD_PATH : LoginServlet.safeNext(next));
    }

    private void queueLoginMail(AccountPrincipal account, String ip, String userAgent) {
        if (!accountSettings.of(account.id()).loginEmail()) {
            return;
        }
        Optional<String> email = users.loginRecord(account.username()).map(UserService.LoginRecord::email)
                .filter(e -> !e.isBlank());
        if (email.isEmpty()) {
            return;
        }
        try {
            long id = outbox.enqueue(email.get(), LoginMail.SUBJECT,
                    LoginMail.body(account.displayName(), account.username(), clock.instant(), ip, userAgent));
            events.decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN_EMAIL_QUEUED, "system", ip,
                    account.username(), "outbox " + id));
        } catch (IllegalArgumentException e) {
            events.decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN_EMAIL_REFUSED, "system", ip,
                    account.username(), e.getMessage()));
        }
    }
}
