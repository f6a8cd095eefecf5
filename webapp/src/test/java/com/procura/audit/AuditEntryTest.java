package com.procura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");

    @Test
    void canonicalFormLengthPrefixesEachFieldSoThatNoValueCanShiftABoundary() {
        String a = AuditEntry.canonical(1, AT, "LOGIN", "ab", "c", null, null);
        String b = AuditEntry.canonical(1, AT, "LOGIN", "a", "bc", null, null);
        assertThat(a).isEqualTo("1:1|13:1796292930123|5:LOGIN|2:ab|1:c|-1:|-1:|");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void hashCoversThePreviousHashAndEveryField() {
        String canonical = AuditEntry.canonical(2, AT, "LOCK_LIFTED", "admin", "10.0.0.1", "buyer", "PAIR");
        String hash = AuditEntry.chainHash(AuditEntry.GENESIS, canonical);
        assertThat(hash).hasSize(64).isNotEqualTo(AuditEntry.chainHash("1".repeat(64), canonical));
        assertThat(hash).isNotEqualTo(AuditEntry.chainHash(AuditEntry.GENESIS,
                AuditEntry.canonical(2, AT, "LOCK_LIFTED", "admin", "10.0.0.1", "buyer", "ACCOUNT")));
        AuditEntry entry = new AuditEntry(2, AT, "LOCK_LIFTED", "admin", "10.0.0.1", "buyer", "PAIR", AuditEntry.GENESIS,
                hash);
        assertThat(entry.expectedHash(AuditEntry.GENESIS)).isEqualTo(hash);
    }
}
