package com.procura.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/** A customer's PEM certificate and key, or none: then a self-signed one is generated in the data folder. */
public record TlsConfig(Optional<Path> certificateFile, Optional<Path> keyFile) {
    public boolean customerSupplied() {
        return certificateFile.isPresent();
    }
}
