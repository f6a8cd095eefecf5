package com.procura.accesslog;

import java.time.Instant;

/** One line of the access log: who did what from where, and how it ended. */
public record AccessEvent(Instant at, String account, String clientIp, Type type, String method, String path,
        int status) {

    public enum Type { LOGIN, LOGIN_FAILED, LOGOUT, REQUEST }

    public static AccessEvent login(String account, String clientIp, boolean success) {
        return new AccessEvent(Instant.now(), account, clientIp, success ? Type.LOGIN : Type.LOGIN_FAILED, "POST",
                "/login", success ? 302 : 401);
    }

    public static AccessEvent logout(String account, String clientIp) {
        return new AccessEvent(Instant.now(), account, clientIp, Type.LOGOUT, "POST", "/logout", 302);
    }

    public static AccessEvent request(String account, String clientIp, String method, String path, int status) {
        return new AccessEvent(Instant.now(), account, clientIp, Type.REQUEST, method, path, status);
    }

    /** One line of the log file; values are quoted so that no input can forge a second entry. */
    public String toLogLine() {
        return "at=" + at + " account=" + quote(account) + " ip=" + clientIp + " event=" + type
                + " method=" + method + " path=" + quote(path) + " status=" + status;
    }

    private static String quote(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
