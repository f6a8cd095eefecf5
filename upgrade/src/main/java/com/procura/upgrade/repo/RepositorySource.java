package com.procura.upgrade.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where an appliance reads a channel repository from: a folder (offline media, tests) or an HTTPS site. */
public interface RepositorySource {

    /** Opens {@code path} in the repository, or empty when it does not exist there. */
    Optional<InputStream> open(String path) throws IOException;

    /** A description for messages: the folder or base URL. */
    String describe();

    static RepositorySource of(String location) {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return new HttpsRepositorySource(URI.create(location.endsWith("/") ? location : location + "/"));
        }
        return new FolderRepositorySource(Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location));
    }

    /** Reads at most {@code maxBytes}; more is an error (endless-data defence). */
    default Optional<byte[]> fetch(String path, long maxBytes) throws IOException {
        Optional<InputStream> in = open(path);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            byte[] data = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new VerificationException(describe() + "/" + path + ": larger than the allowed " + maxBytes + " bytes");
            }
            return Optional.of(data);
        }
    }

    /** Copies {@code path} to {@code target}, stopping after {@code maxBytes + 1}; returns the bytes written. */
    default long download(String path, long maxBytes, Path target) throws IOException {
        Optional<InputStream> in = open(path);
        if (in.isEmpty()) {
            throw new IOException(describe() + "/" + path + ": not found in the repository");
        }
        long written = 0;
        try (InputStream stream = in.get(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                written += n;
                if (written > maxBytes) {
                    throw new VerificationException(describe() + "/" + path + ": download exceeds the " + maxBytes
                            + " bytes recorded in targets metadata");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }
}
