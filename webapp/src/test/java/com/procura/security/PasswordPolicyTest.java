package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(CommonPasswords.size()).isGreaterThan(40_000);
        assertThat(PasswordPolicy.problem("Password1234", "someone")).get().asString()
                .contains("list of common or breached passwords");
        assertThat(PasswordPolicy.problem("1QAZ2WSX3EDC", "someone")).isPresent();
    }

    @Test
    void longPassphraseWithoutCompositionRulesIsAccepted() {
        assertThat(PasswordPolicy.problem("purple staples on a windy tuesday", "someone")).isEmpty();
        assertThat(PasswordPolicy.problem("alllowercaseletters", "someone")).isEmpty();
        assertThat(PasswordPolicy.problem("elevenchars", "someone")).get().asString().contains("at least 12");
    }
}
