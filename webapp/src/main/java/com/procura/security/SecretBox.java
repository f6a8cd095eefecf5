package com.procura.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets kept in the database (TOTP keys) with AES-256-GCM under a key that lives in a
 * file of the data folder, so that a database dump or a read-only SQL account alone does not reveal
 * them. Each value is bound to its context (table, column, row): a value copied to another row does not
 * decrypt. The key file is made at the first start and belongs in every backup of the data folder.
 */
public final class SecretBox {
    private static final String PREFIX = "aesgcm1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Path keyFile;

    private SecretBox(byte[] key, Path keyFile) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyFile = keyFile;
    }

    /** The box whose key is in {@code keyFile}, made (readable by this user only) when it is missing. */
    public static SecretBox openOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(keyFile + " holds " + key.length + " bytes, not a " + KEY_BYTES
                        + "-byte key: restore it from the backup of the data folder");
            }
            return new SecretBox(key, keyFile);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the secret key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Files.createDirectories(keyFile.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path temp = keyFile.resolveSibling(keyFile.getFileName() + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public String encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, context, plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("The " + context + " is not encrypted: it was written outside Procura");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + context + " is damaged: " + e.getMessage(), e);
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalStateException("The " + context + " is damaged: too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, context, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("The " + context + " does not decrypt with the key in " + keyFile
                    + ": the key file was replaced or the value was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed for the " + context + ": " + e.getMessage(), e);
        }
    }
}
