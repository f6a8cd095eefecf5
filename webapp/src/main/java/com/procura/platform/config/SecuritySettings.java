package com.procura.platform.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** Reads the security keys of {@code procura.properties} into a {@link SecurityConfig}, collecting problems. */
final class SecuritySettings {
    private SecuritySettings() {
    }

    static SecurityConfig read(Properties properties, Mode mode, List<String> problems) {
        return new SecurityConfig(proxies(properties, problems), mail(properties, problems),
                sms(properties, mode, problems));
    }

    private static List<String> proxies(Properties properties, List<String> problems) {
        String value = text(properties, "server.trusted-proxies");
        if (value == null) {
            return List.of();
        }
        List<String> proxies = new ArrayList<>();
        for (String entry : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!isAddressOrRange(entry)) {
                problems.add("server.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR range: expected e.g. 127.0.0.1, 10.0.0.0/8 or fd00::/8");
            } else {
                proxies.add(entry);
            }
        }
        return List.copyOf(proxies);
    }

    /** Literal IPv4/IPv6 addresses only (never a host name, which would need a DNS look-up). */
    static boolean isAddressOrRange(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            int bits = InetAddress.getByName(address).getAddress().length * 8;
            if (entry.contains("/")) {
                int prefix = Integer.parseInt(entry.substring(entry.indexOf('/') + 1));
                return prefix >= 0 && prefix <= bits;
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static Optional<SecurityConfig.Mail> mail(Properties properties, List<String> problems) {
        String host = text(properties, "mail.smtp.host");
        if (host == null) {
            return Optional.empty();
        }
        int port = 25;
        String portText = text(properties, "mail.smtp.port");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    problems.add("mail.smtp.port=" + portText + " is out of range: expected 1-65535");
                }
            } catch (NumberFormatException e) {
                problems.add("mail.smtp.port='" + portText + "' is not a whole number: expected 1-65535");
            }
        }
        String from = text(properties, "mail.from");
        if (from == null) {
            problems.add("mail.from is missing: expected the sender address, e.g. procura@example.com");
        } else if (from.chars().anyMatch(c -> c < 0x20) || !from.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("mail.from='" + from + "' is not an e-mail address: expected e.g. procura@example.com");
        }
        String starttls = text(properties, "mail.smtp.starttls");
        if (starttls != null && !starttls.equals("true") && !starttls.equals("false")) {
            problems.add("mail.smtp.starttls='" + starttls + "' is not true or false");
        }
        return Optional.of(new SecurityConfig.Mail(host, port, from,
                Optional.ofNullable(text(properties, "mail.smtp.user")),
                Optional.ofNullable(text(properties, "mail.smtp.password")), "true".equals(starttls)));
    }

    private static SecurityConfig.Sms sms(Properties properties, Mode mode, List<String> problems) {
        String gateway = Optional.ofNullable(text(properties, "sms.gateway")).map(s -> s.toLowerCase(Locale.ROOT))
                .orElse(mode == Mode.DEMO ? "file" : "none");
        Optional<String> url = Optional.ofNullable(text(properties, "sms.http.url"));
        switch (gateway) {
            case "none", "file" -> { }
            case "http" -> {
                if (url.isEmpty()) {
                    problems.add("sms.http.url is missing: expected the HTTPS URL of the SMS gateway (sms.gateway=http)");
                } else if (!url.get().startsWith("https://") || !validUri(url.get())) {
                    problems.add("sms.http.url='" + url.get() + "' is not an https:// URL");
                }
            }
            default -> problems.add("sms.gateway='" + gateway + "' is not known: expected none, file or http");
        }
        return new SecurityConfig.Sms(gateway, url, Optional.ofNullable(text(properties, "sms.http.user")),
                Optional.ofNullable(text(properties, "sms.http.password")));
    }

    private static boolean validUri(String value) {
        try {
            return URI.create(value).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
