package com.procura.upgrade.repo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.security.PublicKey;

/** A public key as listed in root metadata. */
public record PublicKeyEntry(String keytype, @JsonProperty("public") String publicKey) {

    public static PublicKeyEntry of(PublicKey key) {
        return new PublicKeyEntry(Ed25519.KEY_TYPE, Ed25519.encode(key));
    }

    public PublicKey toKey(String where) {
        if (!Ed25519.KEY_TYPE.equals(keytype)) {
            throw new VerificationException(where + ": key type '" + keytype + "' is not supported, expected ed25519");
        }
        return Ed25519.publicKey(publicKey, where);
    }
}
