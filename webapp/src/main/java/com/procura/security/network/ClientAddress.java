package com.procura.security.network;

import java.util.List;
import java.util.Optional;

/**
 * The client's address: the direct peer, unless that peer is a trusted reverse proxy; then the
 * right-most address in X-Forwarded-For that is not itself a trusted proxy. Addresses to the left
 * of it were written by the client and prove nothing. A malformed entry stops the walk at the last
 * trusted hop, so garbage never becomes the client address.
 */
public final class ClientAddress {
    private final List<IpRange> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(p -> IpRange.parse(p).orElseThrow(() -> new IllegalArgumentException(
                        "server.trusted-proxies: '" + p + "' is not an IP address or CIDR range")))
                .toList();
    }

    public String resolve(String peer, List<String> forwardedForHeaders) {
        if (!trusted(peer) || forwardedForHeaders.isEmpty()) {
            return peer;
        }
        String[] hops = String.join(",", forwardedForHeaders).split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = normalize(hops[i]);
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return IpRange.literal(address).map(a -> trustedProxies.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    /** A literal address, without brackets or port; anything else is empty. */
    private static Optional<String> normalize(String hop) {
        String value = hop.trim();
        if (value.startsWith("[") && value.contains("]")) {
            value = value.substring(1, value.indexOf(']'));
        } else if (value.chars().filter(c -> c == ':').count() == 1) {
            value = value.substring(0, value.indexOf(':'));
        }
        return IpRange.literal(value).map(a -> a.getHostAddress());
    }
}
