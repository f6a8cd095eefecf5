package com.procura.security;

import com.procura.platform.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start in production: no admin exists, so a one-time setup token is printed and written to
 * {@code DATA/setup-token}; whoever holds it creates the first admin at {@code /setup}. Only the
 * token's hash is stored. Nothing but the setup page is reachable until then.
 */
public final class SetupService {
    private static final Logger LOG = LoggerFactory.getLogger(SetupService.class);
    private static final String SETTING = "setup.token.sha256";

    private final Database database;
    private final UserService users;
    private final Path tokenFile;
    private volatile boolean pending;

    public SetupService(Database database, UserService users, Path dataDir) {
        this.database = database;
        this.users = users;
        this.tokenFile = dataDir.resolve("setup-token");
    }

    /** Called at start in production mode; returns the new token when setup is still to be done. */
    public Optional<String> prepare() {
        if (users.anyAdmin()) {
            pending = false;
            deleteTokenFile();
            return Optional.empty();
        }
        String token = Passwords.generate(6);
        database.inTransaction(em -> {
            em.createNativeQuery("DELETE FROM app_setting WHERE name = ?").setParameter(1, SETTING).executeUpdate();
            em.createNativeQuery("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)")
                    .setParameter(1, SETTING).setParameter(2, sha256(token)).executeUpdate();
        });
        writeTokenFile(token);
        pending = true;
        return Optional.of(token);
    }

    public boolean pending() {
        return pending;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** Creates the first admin when the token is right; the token is then used up. */
    public synchronized void complete(String token, String username, String displayName, String email, String password) {
        if (!pending) {
            throw new SetupException("Setup is already finished: log in instead.");
        }
        String stored = database.read(em -> {
            Object value = em.createNativeQuery("SELECT setting_value FROM app_setting WHERE name = ?")
                    .setParameter(1, SETTING).getResultStream().findFirst().orElse("");
            return value.toString();
        });
        if (token == null || !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                sha256(token.trim()).getBytes(StandardCharsets.US_ASCII))) {
            LOG.warn("Setup refused: wrong setup token");
            throw new SetupException("The setup token is not right. It is printed at start and kept in " + tokenFile + ".");
        }
        PasswordPolicy.problem(password, username).ifPresent(problem -> {
            throw new SetupException(problem);
        });
        try {
            users.create(username, displayName, email, password, Role.ADMIN, null);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        database.inTransaction(em -> em.createNativeQuery("DELETE FROM app_setting WHERE name = ?")
                .setParameter(1, SETTING).executeUpdate());
        deleteTokenFile();
        pending = false;
        LOG.info("Setup finished: first admin '{}' created", username);
    }

    private void writeTokenFile(String token) {
        try {
            Files.deleteIfExists(tokenFile);
            if (tokenFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tokenFile, token + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("Could not write the setup token to {}: {}", tokenFile, e.getMessage());
        }
    }

    private void deleteTokenFile() {
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", tokenFile, e.getMessage());
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class SetupException extends RuntimeException {
        public SetupException(String message) {
            super(message);
        }
    }
}
