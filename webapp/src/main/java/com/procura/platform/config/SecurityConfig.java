package com.procura.platform.config;

import java.util.List;
import java.util.Optional;

/**
 * What the security mechanisms take from {@code procura.properties}: the reverse proxies whose
 * X-Forwarded-For is believed, the SMTP server for login e-mails, and the SMS gateway for TANs.
 * Everything else about security is policy, edited by an admin in the UI.
 */
public record SecurityConfig(List<String> trustedProxies, Optional<Mail> mail, Sms sms) {

    /** SMTP; the password is never printed by {@link #toString()}. */
    public record Mail(String host, int port, String from, Optional<String> user, Optional<String> password,
            boolean starttls) {
        @Override
        public String toString() {
            return "Mail[host=" + host + ", port=" + port + ", from=" + from + ", user=" + user.orElse("-")
                    + ", starttls=" + starttls + "]";
        }
    }

    /** How TANs are sent: {@code none}, {@code file} (demo: DATA/sms-outbox.log) or {@code http}. */
    public record Sms(String gateway, Optional<String> url, Optional<String> user, Optional<String> password) {
        public static Sms none() {
            return new Sms("none", Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Sms file() {
            return new Sms("file", Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "Sms[gateway=" + gateway + ", url=" + url.orElse("-") + "]";
        }
    }

    /** No proxies trusted, no mail server, SMS to the demo file in demo mode and nowhere otherwise. */
    public static SecurityConfig defaults(Mode mode) {
        return new SecurityConfig(List.of(), Optional.empty(), mode == Mode.DEMO ? Sms.file() : Sms.none());
    }
}
