package com.procura.upgrade.release;

import com.procura.upgrade.repo.Role;
import com.procura.upgrade.repo.SigningKey;
import java.io.IOException;
import java.nio.file.Path;

/** The online keys of the publisher host: {@code targets.key}, {@code snapshot.key}, {@code timestamp.key} in one folder. */
public record PublisherKeys(SigningKey targets, SigningKey snapshot, SigningKey timestamp) {

    public static Path file(Path dir, Role role) {
        return dir.resolve(role.id() + ".key");
    }

    public static PublisherKeys load(Path dir) throws IOException {
        return new PublisherKeys(SigningKey.load(file(dir, Role.TARGETS)), SigningKey.load(file(dir, Role.SNAPSHOT)),
                SigningKey.load(file(dir, Role.TIMESTAMP)));
    }

    public SigningKey forRole(Role role) {
        return switch (role) {
            case TARGETS -> targets;
            case SNAPSHOT -> snapshot;
            case TIMESTAMP -> timestamp;
            case ROOT -> throw new IllegalArgumentException("the root key is offline and never part of the publisher keys");
        };
    }
}
