package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.accesslog.AccessLogQuery;
import com.procura.accesslog.AccessLogSearch;
import com.procura.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without configured trusted proxies, X-Forwarded-For is only text a client wrote. */
class UntrustedProxyIT {
    @TempDir
    Path folder;

    @Test
    void spoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        try (TestApp app = TestApp.demo(folder)) {
            for (int i = 0; i < 5; i++) {
                app.client().header("X-Forwarded-For", "203.0.113." + i).login("buyer", "wrong-password-" + i);
            }
            assertThat(app.client().header("X-Forwarded-For", "198.51.100.1").login("buyer", TestApp.PASSWORD)
                    .statusCode()).as("a new forged address does not escape the lock of 127.0.0.1").isEqualTo(401);
            app.app().accessLog().flush();
            assertThat(new AccessLogSearch(app.app().database().dataSource())
                    .find(new AccessLogQuery("buyer", null, null, null, 20)))
                    .allSatisfy(e -> assertThat(e.clientIp()).isEqualTo("127.0.0.1"));
        }
    }
}
