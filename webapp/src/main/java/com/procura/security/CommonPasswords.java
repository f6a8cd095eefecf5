package com.procura.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shipped list of common and breached passwords ({@code common-passwords.txt}; provenance and
 * licence beside it), loaded once. Compared ignoring case.
 */
public final class CommonPasswords {
    private static final String RESOURCE = "/com/procura/security/common-passwords.txt";

    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return password != null && Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return Holder.PASSWORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application jar");
            }
            Set<String> passwords = new HashSet<>(65_536);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
