package com.procura.security.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpRangeTest {
    private static IpRange range(String text) {
        return IpRange.parse(text).orElseThrow();
    }

    @Test
    void ipv4RangeMatchesByPrefix() {
        assertThat(range("10.0.0.0/8").contains("10.255.1.2")).isTrue();
        assertThat(range("10.0.0.0/8").contains("11.0.0.1")).isFalse();
        assertThat(range("192.168.1.77/26").contains("192.168.1.64")).isTrue();
        assertThat(range("192.168.1.77/26").contains("192.168.1.128")).isFalse();
        assertThat(range("0.0.0.0/0").contains("203.0.113.1")).isTrue();
        assertThat(range("203.0.113.5").contains("203.0.113.5")).isTrue();
        assertThat(range("203.0.113.5").contains("203.0.113.6")).isFalse();
    }

    @Test
    void ipv6RangeMatchesAndNeverMatchesIpv4() {
        assertThat(range("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(range("2001:db8::/32").contains("2001:db9::1")).isFalse();
        assertThat(range("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(range("::/0").contains("10.0.0.1")).isFalse();
        assertThat(range("10.0.0.0/8").contains("::ffff:10.1.2.3")).as("IPv4-mapped").isTrue();
    }

    @Test
    void hostNamesGarbageAndBadPrefixesAreRefused() {
        for (String bad : List.of("localhost", "example.com", "10.0.0.0/33", "2001:db8::/129", "10.0.0", "1.2.3.4.5",
                "10.0.0.0/-1", "10.0.0.0/x", "", "999.1.1.1", "<script>")) {
            assertThat(IpRange.parse(bad)).as(bad).isEmpty();
        }
    }
}
