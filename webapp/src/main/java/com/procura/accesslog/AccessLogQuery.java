package com.procura.accesslog;

import java.time.Instant;

/** Search criteria of the access log page; null means "any". */
public record AccessLogQuery(String account, String clientIp, Instant from, Instant to, int limit) {
    public static final int MAX_ROWS = 10_000;
}
