package com.procura.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.security.AccountPrincipal;
import com.procura.security.Role;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Persistence of orders on both real databases: the same migrations, the same queries. */
class OrderServiceIT {
    @TempDir
    Path folder;

    private static AccountPrincipal admin(TestApp app) {
        return app.app().security().users().loginRecord("admin").orElseThrow().principal();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void listIsPagedSortedAndFiltered(TestDatabases.Engine engine) {
        try (TestApp app = TestApp.demo(folder, engine)) {
            OrderService orders = app.app().orders();
            OrderPage first = orders.list(new OrderQuery(null, null, OrderQuery.Sort.TOTAL, false, 1), admin(app));
            assertThat(first.total()).isEqualTo(36);
            assertThat(first.rows()).hasSize(20);
            assertThat(first.pageCount()).isEqualTo(2);
            assertThat(first.rows()).isSortedAccordingTo(Comparator.comparing(OrderRow::totalAmount).reversed());
            OrderPage second = orders.list(first.query().withPage(2), admin(app));
            assertThat(second.rows()).hasSize(16);

            OrderPage confirmed = orders.list(new OrderQuery(null, OrderStatus.CONFIRMED, OrderQuery.Sort.NUMBER, true, 1),
                    admin(app));
            assertThat(confirmed.rows()).isNotEmpty().allMatch(r -> r.status() == OrderStatus.CONFIRMED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void orderWithLinesIsStoredAndReadBackExactly(TestDatabases.Engine engine) {
        try (TestApp app = TestApp.demo(folder, engine)) {
            var buyer = app.app().suppliers().buyer().orElseThrow();
            var supplier = app.app().suppliers().suppliers().get(0);
            PurchaseOrder order = new PurchaseOrder("4500999999", buyer, supplier, java.time.LocalDate.of(2026, 3, 1), "EUR");
            order.addLine("MAT-1", "Widget ümlaut", new BigDecimal("12.500"), "PC", new BigDecimal("3.99"),
                    java.time.LocalDate.of(2026, 3, 20));
            order.addLine("MAT-2", "Gadget", new BigDecimal("2"), "KG", new BigDecimal("100.00"),
                    java.time.LocalDate.of(2026, 3, 15));
            long id = app.app().orders().save(order).getId();

            PurchaseOrder read = app.app().orders().find(id, admin(app)).orElseThrow();
            assertThat(read.getTotalAmount()).isEqualByComparingTo("249.88");
            assertThat(read.getRequestedDelivery()).isEqualTo(java.time.LocalDate.of(2026, 3, 15));
            List<OrderLine> lines = read.getLines();
            assertThat(lines).extracting(OrderLine::getLineNumber).containsExactly(10, 20);
            assertThat(lines.get(0).getDescription()).isEqualTo("Widget ümlaut");
            assertThat(lines.get(0).getQuantity()).isEqualByComparingTo("12.5");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void supplierScopeAppliesToListsCountsAndLookups(TestDatabases.Engine engine) {
        try (TestApp app = TestApp.demo(folder, engine)) {
            AccountPrincipal supplier = app.app().security().users().loginRecord("supplier").orElseThrow().principal();
            assertThat(supplier.role()).isEqualTo(Role.SUPPLIER);
            OrderPage page = app.app().orders().list(OrderQuery.firstPage(), supplier);
            assertThat(page.total()).isEqualTo(9);
            assertThat(page.rows()).allMatch(r -> r.supplierName().startsWith("Schmidt"));
            long counted = app.app().orders().countByStatus(supplier).values().stream().mapToLong(Long::longValue).sum();
            assertThat(counted).isEqualTo(9);
            OrderRow foreign = app.app().orders().list(OrderQuery.firstPage(), admin(app)).rows().stream()
                    .filter(r -> !r.supplierName().startsWith("Schmidt")).findFirst().orElseThrow();
            assertThat(app.app().orders().find(foreign.id(), supplier)).isEmpty();
        }
    }
}
