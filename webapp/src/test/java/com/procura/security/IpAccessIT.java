package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.accesslog.AccessEvent;
import com.procura.accesslog.AccessLogQuery;
import com.procura.accesslog.AccessLogSearch;
import com.procura.audit.AuditEntry;
import com.procura.platform.config.SecurityConfig;
import com.procura.security.network.IpAllowList;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import com.procura.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed IP access per account and company, with the client address from a trusted proxy's X-Forwarded-For. */
class IpAccessIT {
    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.demo(folder, TestDatabases.Engine.H2,
                new SecurityConfig(List.of("127.0.0.1", "10.99.0.0/16"), Optional.empty(), SecurityConfig.Sms.file()),
                MutableClock.now());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebClient from(String forwardedFor) {
        return app.client().header("X-Forwarded-For", forwardedFor);
    }

    private static long accountId(String name) {
        return app.app().security().users().loginRecord(name).orElseThrow().principal().id();
    }

    private static List<AuditEntry> audit() {
        return app.app().audit().latest(500);
    }

    @Test
    void accountLogsInOnlyFromItsAllowedIpv4AndIpv6Ranges() {
        WebClient admin = from("10.1.2.3");
        admin.login("admin", TestApp.PASSWORD);
        admin.get("/admin/security?account=support");
        HttpResponse<String> saved = admin.submit("/admin/security?account=support", "/admin/security",
                Map.of("action", "allow-account", "account", "support", "ranges", "10.1.0.0/16 2001:db8::/32"));
        assertThat(saved.body()).contains("Allowed addresses of support saved.");

        assertThat(from("10.1.200.7").login("support", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(from("2001:db8::5").login("support", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> outside = from("192.0.2.44").login("support", TestApp.PASSWORD);
        assertThat(outside.statusCode()).isEqualTo(401);
        assertThat(outside.body()).contains(LoginServlet.FAILED);
        assertThat(from("2001:db9::5").login("support", TestApp.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("IP_REFUSED");
            assertThat(e.clientIp()).isEqualTo("192.0.2.44");
            assertThat(e.subject()).isEqualTo("support");
        });
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("POLICY_CHANGED");
            assertThat(e.subject()).isEqualTo("allowed addresses of account support");
        });
    }

    @Test
    void companyListAppliesToItsUsersAndAnAccountsOwnListReplacesIt() {
        AccountPrincipal supplier = app.app().security().users().loginRecord("supplier").orElseThrow().principal();
        IpAllowList allowList = app.app().security().allowList();
        allowList.replace(IpAllowList.Scope.COMPANY, supplier.companyId(), IpAllowList.parseAll(List.of("172.16.5.0/24")));
        assertThat(from("172.16.5.9").login("supplier", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(from("172.16.6.9").login("supplier", TestApp.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(from("172.16.6.9").login("buyer", TestApp.PASSWORD).statusCode())
                .as("another company's user").isEqualTo(302);

        allowList.replace(IpAllowList.Scope.ACCOUNT, supplier.id(), IpAllowList.parseAll(List.of("172.16.6.9")));
        assertThat(from("172.16.6.9").login("supplier", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(from("172.16.5.9").login("supplier", TestApp.PASSWORD).statusCode()).isEqualTo(401);
        allowList.replace(IpAllowList.Scope.ACCOUNT, supplier.id(), List.of());
        allowList.replace(IpAllowList.Scope.COMPANY, supplier.companyId(), List.of());
    }

    @Test
    void requestFromOutsideTheListEndsTheSessionAndIsLogged() {
        app.app().security().allowList().replace(IpAllowList.Scope.ACCOUNT, accountId("supplier2"),
                IpAllowList.parseAll(List.of("10.50.0.0/16")));
        WebClient client = from("10.50.1.1");
        assertThat(client.login("supplier2", TestApp.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(client.get("/orders").statusCode()).isEqualTo(200);

        client.header("X-Forwarded-For", "192.0.2.99");
        assertThat(client.get("/orders").statusCode()).isEqualTo(403);
        client.header("X-Forwarded-For", "10.50.1.1");
        assertThat(client.get("/orders").statusCode()).as("the session ended").isEqualTo(302);
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("IP_REFUSED");
            assertThat(e.clientIp()).isEqualTo("192.0.2.99");
            assertThat(e.detail()).contains("GET /orders");
        });
    }

    @Test
    void machineLoginHonoursTheAllowListAndLockOut() {
        app.app().security().users().create("sap-rfc", "SAP technical user", null, TestApp.PASSWORD, Role.SUPPORT,
                null);
        app.app().security().allowList().replace(IpAllowList.Scope.ACCOUNT, accountId("sap-rfc"),
                IpAllowList.parseAll(List.of("10.20.30.40")));
        SecurityModule security = app.app().security();
        assertThat(security.verifyMachineLogin("sap-rfc", TestApp.PASSWORD, "10.20.30.40")).isPresent();
        assertThat(security.verifyMachineLogin("sap-rfc", TestApp.PASSWORD, "10.20.30.41")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(security.verifyMachineLogin("sap-rfc", "wrong-password-" + i, "10.20.30.40")).isEmpty();
        }
        assertThat(security.verifyMachineLogin("sap-rfc", TestApp.PASSWORD, "10.20.30.40")).as("locked").isEmpty();
        assertThat(audit()).anySatisfy(e -> assertThat(e.subject()).isEqualTo("sap-rfc|10.20.30.40"));
    }

    @Test
    void rightMostUntrustedAddressOfTheForwardedChainIsTheClient() {
        // The client wrote "6.6.6.6" itself; the trusted proxy 10.99.0.7 appended what it saw.
        WebClient client = from("6.6.6.6, 198.51.100.33, 10.99.0.7");
        client.login("nobody-chain", "wrong-password-chain");
        app.app().accessLog().flush();
        List<AccessEvent> events = new AccessLogSearch(app.app().database().dataSource())
                .find(new AccessLogQuery("nobody-chain", null, null, null, 10));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.clientIp()).isEqualTo("198.51.100.33"));
    }

    @Test
    void malformedForwardedForFallsBackToTheProxyAddress() {
        from("not-an-address").login("nobody-garbage", "wrong-password-garbage");
        from("1.2.3.4, <script>").login("nobody-garbage2", "wrong-password-garbage");
        app.app().accessLog().flush();
        AccessLogSearch search = new AccessLogSearch(app.app().database().dataSource());
        assertThat(search.find(new AccessLogQuery("nobody-garbage", null, null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.clientIp()).isEqualTo("127.0.0.1"));
        assertThat(search.find(new AccessLogQuery("nobody-garbage2", null, null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.clientIp()).isEqualTo("127.0.0.1"));
    }

    @Test
    void invalidRangeIsRefusedWithItsTextAndNothingChanges() {
        WebClient admin = from("10.1.2.3");
        admin.login("admin", TestApp.PASSWORD);
        HttpResponse<String> refused = admin.submit("/admin/security", "/admin/security",
                Map.of("action", "allow-account", "account", "buyer", "ranges", "10.0.0.0/8 10.0.0.0/33"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'10.0.0.0/33' is not an IP address or CIDR range");
        assertThat(app.app().security().allowList().rules(IpAllowList.Scope.ACCOUNT, accountId("buyer"))).isEmpty();
    }
}
