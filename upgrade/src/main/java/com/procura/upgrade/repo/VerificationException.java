package com.procura.upgrade.repo;

/** Metadata or a bundle failed verification; the message names the file, role, key or hash involved. */
public class VerificationException extends RuntimeException {

    public VerificationException(String message) {
        super(message);
    }
}
