package com.procura.upgrade.repo;

import java.util.Map;

/** Version, length and sha256 of a metadata file as recorded by snapshot or timestamp. */
public record FileMeta(long version, long length, Map<String, String> hashes) {

    public static FileMeta of(long version, byte[] content) {
        return new FileMeta(version, content.length, Map.of("sha256", Sha256.hex(content)));
    }

    public String sha256() {
        return hashes.get("sha256");
    }

    /** Throws unless {@code content} has exactly this length and hash. */
    public void check(byte[] content, String file) {
        if (content.length != length) {
            throw new VerificationException(file + ": length " + content.length + " bytes differs from the expected " + length);
        }
        String actual = Sha256.hex(content);
        if (!actual.equals(sha256())) {
            throw new VerificationException(file + ": sha256 " + actual + " differs from the expected " + sha256());
        }
    }
}
