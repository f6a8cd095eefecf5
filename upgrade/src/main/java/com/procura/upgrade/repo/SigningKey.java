package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/** An Ed25519 private key kept in a JSON key file readable only by its owner. */
public record SigningKey(String keyId, PublicKey publicKey, PrivateKey privateKey) {

    record KeyFile(String keytype, String keyid, @JsonProperty("public") String publicKey,
                   @JsonProperty("private") String privateKey) {
    }

    public static SigningKey generate() {
        KeyPair pair = Ed25519.generate();
        return new SigningKey(Ed25519.keyId(pair.getPublic()), pair.getPublic(), pair.getPrivate());
    }

    public static SigningKey load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key file " + file + " does not exist");
        }
        KeyFile content = Json.read(Files.readAllBytes(file), KeyFile.class, file.toString());
        PublicKey pub = Ed25519.publicKey(content.publicKey(), file.toString());
        PrivateKey priv = Ed25519.privateKey(content.privateKey(), file.toString());
        String keyId = Ed25519.keyId(pub);
        if (!keyId.equals(content.keyid())) {
            throw new IOException("key file " + file + ": key id " + content.keyid() + " does not match its public key " + keyId);
        }
        return new SigningKey(keyId, pub, priv);
    }

    /** Writes the key file with mode 0600; refuses to overwrite an existing key. */
    public void save(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IOException("key file " + file + " already exists; refusing to overwrite a key");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        KeyFile content = new KeyFile(Ed25519.KEY_TYPE, keyId, Ed25519.encode(publicKey),
                Base64.getEncoder().encodeToString(privateKey.getEncoded()));
        Path temp = Files.createTempFile(parent, ".key", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignoredOnNonPosix) {
            // the file system has no POSIX modes (not the case on the appliance or the build host)
        }
        Files.write(temp, Json.pretty(content));
        Files.move(temp, file);
    }

    public PublicKeyEntry publicEntry() {
        return PublicKeyEntry.of(publicKey);
    }

    public String shortId() {
        return keyId.substring(0, 12);
    }
}
