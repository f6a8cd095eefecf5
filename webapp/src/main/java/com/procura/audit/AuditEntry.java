package com.procura.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One row of the audit log and the canonical form its hash covers. */
public record AuditEntry(long id, Instant at, String event, String actor, String clientIp, String subject,
        String detail, String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    /**
     * Times are written and read as UTC wall-clock values, whatever the JVM's time zone: the
     * verifying command may run in another zone than the server, and a DST change must not shift them.
     */
    static java.util.Calendar utc() {
        return java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
    }

    /**
     * Every field, length-prefixed so that no value can pose as a field boundary; time in epoch
     * milliseconds (the precision the database keeps).
     */
    public static String canonical(long id, Instant at, String event, String actor, String clientIp,
            String subject, String detail) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {Long.toString(id), Long.toString(at.toEpochMilli()), event, actor, clientIp,
                subject, detail}) {
            if (field == null) {
                out.append("-1:");
            } else {
                out.append(field.length()).append(':').append(field);
            }
            out.append('|');
        }
        return out.toString();
    }

    public static String chainHash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The hash this row should have, given the hash of the row before it. */
    public String expectedHash(String previous) {
        return chainHash(previous, canonical(id, at, event, actor, clientIp, subject, detail));
    }
}
