package com.procura.upgrade.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A repository in a local folder, e.g. a mounted offline medium. */
public final class FolderRepositorySource implements RepositorySource {

    private final Path folder;

    public FolderRepositorySource(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException("path '" + path + "' leaves the repository folder " + folder);
        }
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public String describe() {
        return folder.toString();
    }
}
