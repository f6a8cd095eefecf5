package com.procura.security.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR range, matched by byte math on {@link InetAddress}. Only literal
 * addresses are accepted, never host names (no DNS look-ups). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:10.0.0.1}) match IPv4 ranges, as the JDK already turns them into IPv4 addresses.
 */
public record IpRange(byte[] network, int prefix, String text) {

    public static Optional<IpRange> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get().getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(mask(bytes, prefix), prefix, text));
    }

    /** A literal IPv4 or IPv6 address; anything else (a host name, garbage) is empty. */
    public static Optional<InetAddress> literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45
                || !address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return Optional.empty();
        }
        if (address.matches("[0-9.]+") && !address.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefix), network);
    }

    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
