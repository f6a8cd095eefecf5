package com.procura.upgrade.repo;

/** A role's metadata is past its expiry: updates cannot be verified until the repository is refreshed. */
public class MetadataExpiredException extends VerificationException {

    public MetadataExpiredException(String message) {
        super(message);
    }
}
