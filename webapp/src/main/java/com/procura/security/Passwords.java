package com.procura.security;

import java.security.SecureRandom;

/** Random passwords and tokens for generated accounts and one-time setup. */
public final class Passwords {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Groups of four easily read characters, e.g. {@code k7Qm-9xTa-Pw3e-Hs2d}. */
    public static String generate(int groups) {
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                out.append('-');
            }
            for (int i = 0; i < 4; i++) {
                out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
