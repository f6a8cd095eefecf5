package com.procura.upgrade.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReleaseVersionTest {

    @Test
    void ordersBySemverPrecedence() {
        List<String> sorted = Stream.of("1.10.0", "1.2.0", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0-beta", "0.9.9")
                .map(ReleaseVersion::parse).sorted().map(ReleaseVersion::toString).toList();

        assertThat(sorted).containsExactly("0.9.9", "1.2.0-beta", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0", "1.10.0");
    }

    @Test
    void rejectsTextThatIsNotAVersionNamingIt() {
        assertThatThrownBy(() -> ReleaseVersion.parse("1.2")).hasMessage("version '1.2' is not MAJOR.MINOR.PATCH[-PRERELEASE]");
    }
}
