package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsArgon2idAtOwaspMinimumInPhcFormat() {
        assertThat(hasher.hash("correct horse battery".toCharArray()))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void rightPasswordMatchesAndWrongOneDoesNot() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("same password here".toCharArray()))
                .isNotEqualTo(hasher.hash("same password here".toCharArray()));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "plaintext")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$v=19$m=abc,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$bcryptlookingvalue")).isFalse();
    }

    @Test
    void policyWantsLengthNotComposition() {
        assertThat(PasswordPolicy.problem("short", "u")).hasValue("The password must have at least 12 characters.");
        assertThat(PasswordPolicy.problem("all lower case words", "u")).isEmpty();
        assertThat(PasswordPolicy.problem("administrator", "Administrator")).hasValue("The password must not be the user name.");
    }
}
