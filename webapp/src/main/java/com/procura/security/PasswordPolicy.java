package com.procura.security;

import java.util.Optional;

/**
 * Length over composition (NIST SP 800-63B): at least 12 characters, no composition rules, and
 * not on the shipped list of common and breached passwords.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** The reason a new password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("The password must not be the user name.");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("This password is on the list of common or breached passwords: choose another one.");
        }
        return Optional.empty();
    }
}
