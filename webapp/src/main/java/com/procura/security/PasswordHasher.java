package com.procura.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1), stored in the PHC string format. Hashing is
 * capped at one job per core so that a login storm cannot exhaust memory.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Checks a password against a PHC string; a malformed stored hash never matches. */
    public boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String setting : parts[3].split(",")) {
                int value = Integer.parseInt(setting.substring(2));
                switch (setting.charAt(0)) {
                    case 'm' -> memory = value;
                    case 't' -> iterations = value;
                    case 'p' -> parallelism = value;
                    default -> { return false; }
                }
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            byte[] actual = compute(password, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private byte[] compute(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] passwordBytes = new String(password).getBytes(StandardCharsets.UTF_8);
        slots.acquireUninterruptibly();
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            slots.release();
            java.util.Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }
}
