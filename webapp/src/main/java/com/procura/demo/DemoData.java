package com.procura.demo;

import com.procura.integration.sap.PartnerProfiles;
import com.procura.integration.sap.SapPartner;
import com.procura.orders.OrderLine;
import com.procura.orders.OrderService;
import com.procura.orders.OrderStatus;
import com.procura.orders.PurchaseOrder;
import com.procura.security.Role;
import com.procura.security.UserService;
import com.procura.suppliers.Company;
import com.procura.suppliers.SupplierService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A believable buyer with four suppliers, their users, and 36 purchase orders in every state,
 * dated around the day the demo was created. The same seed gives the same demo.
 */
public final class DemoData {
    /** A demo account as printed to the sales engineer. */
    public record DemoAccount(String username, Role role, String description) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", Role.ADMIN, "administrator"),
            new DemoAccount("buyer", Role.BUYER, "buyer at Nordwind Maschinenbau GmbH"),
            new DemoAccount("supplier", Role.SUPPLIER, "supplier user at Schmidt Präzisionsteile GmbH"),
            new DemoAccount("supplier2", Role.SUPPLIER, "supplier user at Alpen Hydraulik AG"),
            new DemoAccount("support", Role.SUPPORT, "help desk agent"),
            new DemoAccount("sap", Role.SAP, "SAP's technical user for POST /sap/idoc"));

    private record Material(String number, String description, String unit, String price) {
    }

    private static final List<Material> CATALOG = List.of(
            new Material("MAT-100234", "Ball bearing 6204-2RS", "PC", "4.85"),
            new Material("MAT-100871", "Hex bolt M12x60 8.8 zinc", "PC", "0.42"),
            new Material("MAT-200115", "Hydraulic cylinder 50/28-300", "PC", "312.00"),
            new Material("MAT-200340", "Pressure hose DN12 2m", "PC", "38.90"),
            new Material("MAT-300018", "Aluminium profile 40x40 6m", "M", "12.75"),
            new Material("MAT-300552", "Steel sheet S235 2mm", "KG", "1.95"),
            new Material("MAT-400207", "Gear wheel m2 z40", "PC", "57.30"),
            new Material("MAT-400919", "Cast housing GJL-250", "PC", "146.00"),
            new Material("MAT-500033", "O-ring NBR 40x3", "PC", "0.31"),
            new Material("MAT-500780", "Linear guide rail 1200mm", "PC", "189.50"));

    private static final OrderStatus[] STATE_MIX = {
        OrderStatus.NEW, OrderStatus.NEW, OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.CONFIRMED,
        OrderStatus.PARTIALLY_CONFIRMED, OrderStatus.CHANGED, OrderStatus.REJECTED, OrderStatus.CLOSED
    };

    private DemoData() {
    }

    /** True when the database already holds the demo (or any buyer): then nothing is added. */
    public static boolean present(SupplierService suppliers) {
        return suppliers.buyer().isPresent();
    }

    public static void create(SupplierService suppliers, OrderService orders, UserService users, PartnerProfiles partners,
            String password, LocalDate today) {
        partners.save(new SapPartner(0, "Nordwind SAP ERP (demo)", "NWDCLNT100", true, SapPartner.PortType.FILE,
                SapPartner.FileFormat.XML, "", "", null, "PROCURA", "PROCURA", 10, "EUR",
                "Z1ZORDER-ZPROJECT=Project\nZ1ZORDER-ZCOSTCENTER=Cost center"));
        Company buyer = suppliers.create(new Company("Nordwind Maschinenbau GmbH", Company.Kind.BUYER, null,
                "Hamburg", "DE", "einkauf@nordwind.example"));
        List<Company> vendors = List.of(
                suppliers.create(new Company("Schmidt Präzisionsteile GmbH", Company.Kind.SUPPLIER, "100001",
                        "Stuttgart", "DE", "auftrag@schmidt-praezision.example")),
                suppliers.create(new Company("Alpen Hydraulik AG", Company.Kind.SUPPLIER, "100002",
                        "Innsbruck", "AT", "orders@alpen-hydraulik.example")),
                suppliers.create(new Company("Nordic Fasteners AB", Company.Kind.SUPPLIER, "100003",
                        "Göteborg", "SE", "sales@nordic-fasteners.example")),
                suppliers.create(new Company("Lusitania Castings Lda", Company.Kind.SUPPLIER, "100004",
                        "Porto", "PT", "comercial@lusitania-castings.example")));

        users.create("admin", "Alex Admin", "admin@nordwind.example", password, Role.ADMIN, null);
        users.create("buyer", "Berit Buyer", "berit.buyer@nordwind.example", password, Role.BUYER, buyer.getId());
        users.create("supplier", "Stefan Schmidt", "stefan@schmidt-praezision.example", password, Role.SUPPLIER,
                vendors.get(0).getId());
        users.create("supplier2", "Anna Alpen", "anna@alpen-hydraulik.example", password, Role.SUPPLIER,
                vendors.get(1).getId());
        users.create("support", "Sam Support", "support@nordwind.example", password, Role.SUPPORT, null);
        users.create("sap", "SAP NWDCLNT100", null, password, Role.SAP, null);

        Random random = new Random(4711);
        for (int i = 0; i < 36; i++) {
            Company vendor = vendors.get(i % vendors.size());
            LocalDate orderDate = today.minusDays(60 - i * 5L / 3);
            PurchaseOrder order = new PurchaseOrder(String.valueOf(4500000101L + i), buyer, vendor, orderDate, "EUR");
            int lineCount = 1 + random.nextInt(5);
            List<OrderLine> lines = new ArrayList<>();
            for (int l = 0; l < lineCount; l++) {
                Material material = CATALOG.get(random.nextInt(CATALOG.size()));
                BigDecimal quantity = BigDecimal.valueOf((1 + random.nextInt(20)) * 5L);
                lines.add(order.addLine(material.number(), material.description(), quantity, material.unit(),
                        new BigDecimal(material.price()), orderDate.plusDays(14 + random.nextInt(21))));
            }
            OrderStatus status = STATE_MIX[i % STATE_MIX.length];
            confirm(lines, status, random);
            order.changeStatus(status);
            orders.save(order);
        }
    }

    private static void confirm(List<OrderLine> lines, OrderStatus status, Random random) {
        for (OrderLine line : lines) {
            switch (status) {
                case CONFIRMED, CLOSED -> line.confirm(line.getQuantity(), line.getRequestedDate());
                case PARTIALLY_CONFIRMED -> line.confirm(
                        line.getQuantity().multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : 0.5)),
                        line.getRequestedDate().plusDays(random.nextInt(3) * 4L));
                default -> { }
            }
        }
    }
}
