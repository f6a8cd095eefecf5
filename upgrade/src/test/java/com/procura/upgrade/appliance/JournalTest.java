package com.procura.upgrade.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path temp;

    @Test
    void completedStepsSurviveARereadAndClearRemovesTheFile() throws Exception {
        Journal journal = new Journal(temp.resolve("state/journal.json"));
        journal.write(new Journal.Entry("1.0.0", "1.1.0", "ab", "/snap", "2026-01-01T00:00:00Z", List.of(UpgradeStep.PREFLIGHT))
                .with(UpgradeStep.SNAPSHOT));

        Journal.Entry reread = new Journal(temp.resolve("state/journal.json")).current().orElseThrow();

        assertThat(reread.completed()).containsExactly(UpgradeStep.PREFLIGHT, UpgradeStep.SNAPSHOT);
        assertThat(reread.done(UpgradeStep.SWITCH)).isFalse();
        try (var files = Files.list(temp.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("journal.json");
        }
        journal.clear();
        assertThat(journal.current()).isEmpty();
    }
}
