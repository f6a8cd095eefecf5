package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path data;

    @Test
    void theKeyFileIsMadeOnceReadableOnlyByItsOwnerAndDecryptsAfterARestart() throws Exception {
        Path keyFile = data.resolve("keys/secret-box.key");
        String sealed = SecretBox.openOrCreate(keyFile).encrypt("JBSWY3DPEHPK3PXP", "TOTP key of account 7");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(SecretBox.openOrCreate(keyFile).decrypt(sealed, "TOTP key of account 7")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aValueMovedToAnotherRowOrAlteredOrUnderAnotherKeyIsRefusedByName() {
        SecretBox box = SecretBox.openOrCreate(data.resolve("keys/secret-box.key"));
        String sealed = box.encrypt("JBSWY3DPEHPK3PXP", "TOTP key of account 7");
        char middle = sealed.charAt(40);
        String altered = sealed.substring(0, 40) + (middle == 'A' ? 'B' : 'A') + sealed.substring(41);

        assertThatThrownBy(() -> box.decrypt(sealed, "TOTP key of account 8"))
                .hasMessageContaining("TOTP key of account 8 does not decrypt");
        assertThatThrownBy(() -> box.decrypt(altered, "TOTP key of account 7")).hasMessageContaining("altered");
        assertThatThrownBy(() -> SecretBox.openOrCreate(data.resolve("other.key")).decrypt(sealed, "TOTP key of account 7"))
                .hasMessageContaining("other.key");
        assertThatThrownBy(() -> box.decrypt("JBSWY3DPEHPK3PXP", "TOTP key of account 7"))
                .hasMessageContaining("not encrypted");
    }

    @Test
    void aDamagedKeyFileStopsWithTheFileNamed() throws Exception {
        Path keyFile = data.resolve("secret-box.key");
        Files.writeString(keyFile, "c2hvcnQ=\n");

        assertThatThrownBy(() -> SecretBox.openOrCreate(keyFile)).hasMessageContaining(keyFile.toString())
                .hasMessageContaining("restore it from the backup");
    }
}
