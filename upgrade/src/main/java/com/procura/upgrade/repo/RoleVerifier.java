package com.procura.upgrade.repo;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks signature thresholds against the keys a root names, and expiry against the clock. */
public final class RoleVerifier {

    private RoleVerifier() {
    }

    /** Throws unless at least the role's threshold of distinct trusted keys signed the envelope. */
    public static void verifySignatures(SignedEnvelope envelope, RootMetadata root, Role role, String file) {
        RoleKeys roleKeys = root.role(role, file);
        byte[] canonical = Json.canonical(envelope.signed());
        Set<String> valid = new HashSet<>();
        List<String> untrusted = new java.util.ArrayList<>();
        List<String> badSignatures = new java.util.ArrayList<>();
        for (SignedEnvelope.KeySignature signature : envelope.signatures()) {
            if (!roleKeys.keyids().contains(signature.keyid())) {
                untrusted.add(shortId(signature.keyid()));
                continue;
            }
            PublicKeyEntry entry = root.keys().get(signature.keyid());
            if (entry == null) {
                untrusted.add(shortId(signature.keyid()));
                continue;
            }
            PublicKey key = entry.toKey(file + " key " + signature.keyid());
            if (Ed25519.verify(key, canonical, signature.sig())) {
                valid.add(signature.keyid());
            } else {
                badSignatures.add(shortId(signature.keyid()));
            }
        }
        if (valid.size() < roleKeys.threshold()) {
            StringBuilder message = new StringBuilder(file + ": role " + role.id() + " needs " + roleKeys.threshold()
                    + " valid signature(s) from the keys named in root version " + root.version() + " "
                    + roleKeys.keyids().stream().map(RoleVerifier::shortId).toList() + ", found " + valid.size());
            if (!untrusted.isEmpty()) {
                message.append("; signed by unknown or revoked key(s) ").append(untrusted);
            }
            if (!badSignatures.isEmpty()) {
                message.append("; signature(s) that do not match the content by key(s) ").append(badSignatures);
            }
            throw new VerificationException(message.toString());
        }
    }

    public static void checkType(RoleMetadata metadata, String expectedType, String file) {
        if (!expectedType.equals(metadata.type())) {
            throw new VerificationException(file + ": _type is '" + metadata.type() + "', expected '" + expectedType + "'");
        }
    }

    public static void checkNotExpired(RoleMetadata metadata, Clock clock, String file) {
        Instant expires;
        try {
            expires = Instant.parse(metadata.expires());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new VerificationException(file + ": expiry '" + metadata.expires() + "' is not an ISO-8601 instant");
        }
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            throw new MetadataExpiredException(file + " (" + metadata.type() + " version " + metadata.version()
                    + ") expired at " + expires + " (now " + now + "): the repository or mirror is stale or frozen");
        }
    }

    public static void checkNotRolledBack(RoleMetadata fresh, RoleMetadata trusted, String file) {
        if (trusted != null && fresh.version() < trusted.version()) {
            throw new VerificationException(file + ": version " + fresh.version() + " is older than the trusted version "
                    + trusted.version() + " seen before: rollback attack or stale mirror refused");
        }
    }

    static String shortId(String keyId) {
        return keyId == null ? "?" : keyId.substring(0, Math.min(12, keyId.length()));
    }
}
