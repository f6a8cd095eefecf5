package com.procura.security.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The e-mail an account may ask for after each login: when, from which address, with which browser. */
public final class LoginMail {
    public static final String SUBJECT = "Procura: new login to your account";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LoginMail() {
    }

    public static String body(String displayName, String username, Instant at, String clientIp, String userAgent) {
        return "Hello " + clean(displayName, 200) + ",\n\n"
                + "someone logged in to your Procura account '" + clean(username, 100) + "':\n\n"
                + "  Time:        " + TIME.format(at) + "\n"
                + "  IP address:  " + clean(clientIp, 45) + "\n"
                + "  Browser:     " + clean(userAgent == null ? "(not given)" : userAgent, 300) + "\n\n"
                + "If this was not you, change your password at once and tell your administrator.\n";
    }

    /** One line of printable text: control characters become spaces. */
    static String clean(String value, int max) {
        String one = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ");
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }
}
