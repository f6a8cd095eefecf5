package com.procura.security;

import com.procura.security.secondfactor.SmsGateway;
import com.procura.security.secondfactor.TanService;
import com.procura.security.secondfactor.Totp;
import java.time.Clock;
import java.time.Duration;

/** The second login step: sends the SMS TAN, checks a TAN or TOTP code, audits each decision. */
public final class SecondFactorService {
    /** A pending login is abandoned after this, whatever its factor. */
    static final Duration PENDING_VALIDITY = TanService.VALIDITY;

    public enum Result { ACCEPTED, WRONG, EXPIRED, REFUSED }

    private final TanService tans;
    private final SmsGateway sms;
    private final AccountSecurityStore accountSettings;
    private final SecurityEvents events;
    private final Clock clock;

    public SecondFactorService(TanService tans, SmsGateway sms, AccountSecurityStore accountSettings,
            SecurityEvents events, Clock clock) {
        this.tans = tans;
        this.sms = sms;
        this.accountSettings = accountSettings;
        this.events = events;
        this.clock = clock;
    }

    public boolean smsAvailable() {
        return sms.available();
    }

    /** Starts the second step; for SMS this issues and sends the TAN. Empty when the SMS could not be sent. */
    java.util.Optional<PendingLogin> start(LoginService.SecondFactorNeeded needed, String clientIp, String next) {
        AccountPrincipal account = needed.account();
        String binding = TanService.newBinding();
        long tanId = 0;
        if (needed.settings().secondFactor() == AccountSecurity.SecondFactor.SMS) {
            TanService.Issued issued = tans.issue(account.id(), binding);
            try {
                sms.send(needed.settings().phone(), "Procura TAN: " + issued.tan()
                        + " (valid 5 minutes, for this login only). Never tell it anyone.");
            } catch (SmsGateway.SmsException e) {
                events.decided(SecurityDecision.of(SecurityDecision.Kind.LOGIN_REFUSED, account.username(), clientIp,
                        account.username(), "TAN could not be sent: " + e.getMessage()));
                return java.util.Optional.empty();
            }
            tanId = issued.id();
            events.decided(SecurityDecision.of(SecurityDecision.Kind.TAN_SENT, account.username(), clientIp,
                    account.username(), "TAN " + issued.id() + " valid until " + issued.expiresAt()));
        }
        return java.util.Optional.of(new PendingLogin(account, needed.settings().secondFactor(), tanId, binding,
                needed.passwordChangeReason().orElse(null), clock.instant(), next));
    }

    Result verify(PendingLogin pending, String code, String clientIp) {
        String name = pending.account().username();
        if (!clock.instant().isBefore(pending.startedAt().plus(PENDING_VALIDITY))) {
            events.decided(SecurityDecision.of(pending.method() == AccountSecurity.SecondFactor.SMS
                    ? SecurityDecision.Kind.TAN_EXPIRED : SecurityDecision.Kind.TOTP_REFUSED, name, clientIp, name,
                    "second step later than 5 minutes after the password"));
            return Result.EXPIRED;
        }
        if (pending.method() == AccountSecurity.SecondFactor.SMS) {
            TanService.Check check = tans.use(pending.tanId(), pending.binding(), code);
            SecurityDecision.Kind kind = switch (check) {
                case USED -> SecurityDecision.Kind.TAN_USED;
                case EXPIRED -> SecurityDecision.Kind.TAN_EXPIRED;
                default -> SecurityDecision.Kind.TAN_REFUSED;
            };
            events.decided(SecurityDecision.of(kind, name, clientIp, name, "TAN " + pending.tanId() + ": " + check));
            return switch (check) {
                case USED -> Result.ACCEPTED;
                case WRONG -> Result.WRONG;
                case EXPIRED, EXHAUSTED -> Result.EXPIRED;
                case REPLAYED, NOT_BOUND -> Result.REFUSED;
            };
        }
        AccountSecurity settings = accountSettings.of(pending.account().id());
        long step = settings.totpSecret() == null ? -1 : Totp.matchingStep(settings.totpSecret(), code, clock.instant());
        if (step < 0) {
            events.decided(SecurityDecision.of(SecurityDecision.Kind.TOTP_REFUSED, name, clientIp, name, "wrong code"));
            return Result.WRONG;
        }
        if (!accountSettings.claimTotpStep(pending.account().id(), step)) {
            events.decided(SecurityDecision.of(SecurityDecision.Kind.TOTP_REFUSED, name, clientIp, name,
                    "code already used"));
            return Result.REFUSED;
        }
        events.decided(SecurityDecision.of(SecurityDecision.Kind.TOTP_USED, name, clientIp, name, null));
        return Result.ACCEPTED;
    }
}
