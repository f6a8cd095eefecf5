package com.procura.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The security keys of procura.properties: trusted proxies, SMTP and SMS gateway. */
class SecuritySettingsTest {
    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        properties.setProperty("data.dir", "/var/lib/procura");
        properties.setProperty("database.url", "jdbc:h2:file:/var/lib/procura/db/procura");
        properties.setProperty("database.user", "procura");
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void withoutSecurityKeysNoProxyIsTrustedNoMailIsSentAndSmsIsOff() {
        SecurityConfig security = ConfigLoader.fromProperties("test", properties()).security();
        assertThat(security.trustedProxies()).isEmpty();
        assertThat(security.mail()).isEmpty();
        assertThat(security.sms().gateway()).isEqualTo("none");
    }

    @Test
    void proxiesMailAndHttpSmsAreRead() {
        SecurityConfig security = ConfigLoader.fromProperties("test", properties(
                "server.trusted-proxies", "127.0.0.1, 10.0.0.0/8,fd00::/8",
                "mail.smtp.host", "smtp.example.com",
                "mail.smtp.port", "587",
                "mail.from", "procura@example.com",
                "mail.smtp.user", "procura",
                "mail.smtp.password", "smtp-secret",
                "mail.smtp.starttls", "true",
                "sms.gateway", "http",
                "sms.http.url", "https://sms.example.com/send")).security();
        assertThat(security.trustedProxies()).containsExactly("127.0.0.1", "10.0.0.0/8", "fd00::/8");
        SecurityConfig.Mail mail = security.mail().orElseThrow();
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.starttls()).isTrue();
        assertThat(mail.toString()).doesNotContain("smtp-secret");
        assertThat(security.sms().url()).hasValue("https://sms.example.com/send");
    }

    @Test
    void everySecurityProblemIsNamedWithItsKeyAndValue() {
        assertThatThrownBy(() -> ConfigLoader.fromProperties("procura.properties", properties(
                "server.trusted-proxies", "proxy.example.com, 10.0.0.0/33",
                "mail.smtp.host", "smtp.example.com",
                "mail.smtp.port", "smtp",
                "mail.from", "procura@example.com\nBcc: x@example.com",
                "sms.gateway", "http",
                "sms.http.url", "http://sms.example.com/send")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "server.trusted-proxies: 'proxy.example.com' is not an IP address or CIDR range: expected e.g. "
                                + "127.0.0.1, 10.0.0.0/8 or fd00::/8",
                        "server.trusted-proxies: '10.0.0.0/33' is not an IP address or CIDR range: expected e.g. "
                                + "127.0.0.1, 10.0.0.0/8 or fd00::/8",
                        "mail.smtp.port='smtp' is not a whole number: expected 1-65535",
                        "mail.from='procura@example.com\nBcc: x@example.com' is not an e-mail address: expected e.g. "
                                + "procura@example.com",
                        "sms.http.url='http://sms.example.com/send' is not an https:// URL"));
    }

    @Test
    void demoModeWritesSmsToTheDemoFile() {
        assertThat(ConfigLoader.fromProperties("test", properties("mode", "demo")).security().sms().gateway())
                .isEqualTo("file");
        assertThat(SecurityConfig.defaults(Mode.DEMO).trustedProxies()).isEqualTo(List.of());
    }
}
