package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.orders.OrderQuery;
import com.procura.orders.OrderRow;
import com.procura.testing.TestApp;
import com.procura.testing.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolePermissionsIT {
    @TempDir
    static Path folder;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.demo(folder);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebClient as(String user) {
        WebClient client = app.client();
        assertThat(client.login(user, TestApp.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static List<OrderRow> allOrders() {
        AccountPrincipal admin = app.app().security().users().loginRecord("admin").orElseThrow().principal();
        return app.app().orders().list(new OrderQuery(null, null, OrderQuery.Sort.NUMBER, true, 1), admin).rows();
    }

    @Test
    void supplierSeesOnlyItsOwnCompanysOrders() {
        String body = as("supplier").get("/orders").body();
        assertThat(body).contains("Schmidt Präzisionsteile GmbH")
                .doesNotContain("Alpen Hydraulik AG").doesNotContain("Nordic Fasteners AB");
        assertThat(body).contains("9 orders");
    }

    @Test
    void supplierCannotWidenItsViewWithAFilter() {
        long alpenId = app.app().suppliers().options().stream()
                .filter(s -> s.name().equals("Alpen Hydraulik AG")).findFirst().orElseThrow().id();
        String body = as("supplier").get("/orders?supplier=" + alpenId).body();
        assertThat(body).doesNotContain("Alpen Hydraulik AG").contains("Schmidt Präzisionsteile GmbH");
    }

    @Test
    void anotherSuppliersOrderIsNotFoundForASupplier() {
        OrderRow foreign = allOrders().stream().filter(o -> o.supplierName().equals("Alpen Hydraulik AG"))
                .findFirst().orElseThrow();
        OrderRow own = allOrders().stream().filter(o -> o.supplierName().startsWith("Schmidt"))
                .findFirst().orElseThrow();
        WebClient supplier = as("supplier");
        assertThat(supplier.get("/orders/" + foreign.id()).statusCode()).isEqualTo(404);
        assertThat(supplier.get("/orders/" + own.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void supplierHasNoSupplierListAndNoAccessLog() {
        WebClient supplier = as("supplier");
        assertThat(supplier.get("/suppliers").statusCode()).isEqualTo(403);
        assertThat(supplier.get("/admin/access-log").statusCode()).isEqualTo(403);
    }

    @Test
    void buyerSeesAllSuppliersButNotTheAccessLog() {
        WebClient buyer = as("buyer");
        assertThat(buyer.get("/suppliers").body()).contains("Alpen Hydraulik AG", "Nordic Fasteners AB",
                "Lusitania Castings Lda", "Schmidt Präzisionsteile GmbH");
        assertThat(buyer.get("/admin/access-log").statusCode()).isEqualTo(403);
    }

    @Test
    void supportReadsOrdersAndAdminReadsTheAccessLog() {
        assertThat(as("support").get("/orders").statusCode()).isEqualTo(200);
        assertThat(as("admin").get("/admin/access-log").statusCode()).isEqualTo(200);
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayOpen() {
        String supplierPage = as("supplier").get("/dashboard").body();
        assertThat(supplierPage).contains("href=\"/orders\"").doesNotContain("href=\"/suppliers\"")
                .doesNotContain("href=\"/admin/access-log\"");
        assertThat(as("admin").get("/dashboard").body()).contains("href=\"/admin/access-log\"");
    }
}
