package com.procura.security.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8"));

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(behindProxies.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void rightMostUntrustedHopIsTheClient() {
        assertThat(behindProxies.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.1.1.1")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve("127.0.0.1", List.of("6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void portsAndBracketsAreRemovedAndIpv6IsNormalized() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void garbageStopsAtTheLastTrustedHop() {
        assertThat(behindProxies.resolve("127.0.0.1", List.of("evil.example"))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", List.of("1.2.3.4, 10.0.0.9, x"))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", List.of("1.2.3.4, junk, 10.0.0.9"))).isEqualTo("10.0.0.9");
    }

    @Test
    void onlyTrustedHopsMeansTheLeftMostOfThem() {
        assertThat(behindProxies.resolve("127.0.0.1", List.of("10.0.0.5, 10.0.0.6"))).isEqualTo("10.0.0.5");
    }
}
