package com.procura.security.secondfactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * For demos: "sends" each SMS by appending it to {@code DATA/sms-outbox.log} (readable only by the
 * service account), where the sales engineer shows it. Not for production: the file holds live TANs.
 */
public final class FileSmsGateway implements SmsGateway {
    private final Path file;
    private final Clock clock;

    public FileSmsGateway(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized void send(String phone, String text) {
        String line = clock.instant() + " to=" + phone.replaceAll("[^0-9+ ]", "") + " text=\""
                + text.replaceAll("[\\r\\n\"]", " ") + "\"\n";
        try {
            if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SmsException("Cannot write the SMS to " + file + ": " + e.getMessage(), e);
        }
    }
}
