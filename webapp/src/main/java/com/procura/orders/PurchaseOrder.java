package com.procura.orders;

import com.procura.suppliers.Company;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    @TableGenerator(name = "order_ids", table = "id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "purchase_order", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "order_ids")
    private Long id;

    @Column(name = "order_number", nullable = false)
    private String orderNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "buyer_id")
    private Company buyer;

    @ManyToOne(optional = false)
    @JoinColumn(name = "supplier_id")
    private Company supplier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;

    @Column(nullable = false)
    private String currency;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(name = "requested_delivery")
    private LocalDate requestedDelivery;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sap_sender")
    private String sapSender;

    @Column(name = "sap_docnum")
    private String sapDocnum;

    /** CREDAT+CRETIM+DOCNUM of the last IDoc applied: an older change that arrives late is not applied. */
    @Column(name = "sap_changed_at")
    private String sapChangedAt;

    @ElementCollection
    @CollectionTable(name = "order_extension", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<ExtensionField> extensions = new ArrayList<>();

    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    public PurchaseOrder(String orderNumber, Company buyer, Company supplier, LocalDate orderDate, String currency) {
        this.orderNumber = orderNumber;
        this.buyer = buyer;
        this.supplier = supplier;
        this.orderDate = orderDate;
        this.currency = currency;
        this.status = OrderStatus.NEW;
        this.totalAmount = BigDecimal.ZERO;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public OrderLine addLine(int lineNumber, String material, String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, LocalDate requestedDate) {
        OrderLine line = new OrderLine(this, lineNumber, material, description, quantity, unit, unitPrice, requestedDate);
        lines.add(line);
        recalculate();
        return line;
    }

    public void removeLine(OrderLine line) {
        lines.remove(line);
        recalculate();
    }

    /** Total and earliest requested date follow the lines. */
    public void recalculate() {
        totalAmount = BigDecimal.ZERO;
        requestedDelivery = null;
        for (OrderLine line : lines) {
            totalAmount = totalAmount.add(line.getNetValue());
            LocalDate date = line.getRequestedDate();
            if (date != null && (requestedDelivery == null || date.isBefore(requestedDelivery))) {
                requestedDelivery = date;
            }
        }
        updatedAt = Instant.now();
    }

    public void recordSapSource(String sender, String docnum, String changedAt) {
        this.sapSender = sender;
        this.sapDocnum = docnum;
        this.sapChangedAt = changedAt;
    }

    public void replaceExtensions(List<ExtensionField> fields) {
        extensions.clear();
        extensions.addAll(fields);
    }

    public OrderLine addLine(String material, String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, LocalDate requestedDate) {
        return addLine((lines.size() + 1) * 10, material, description, quantity, unit, unitPrice, requestedDate);
    }

    public void changeStatus(OrderStatus newStatus) {
        this.status = newStatus;
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public Company getBuyer() { return buyer; }
    public Company getSupplier() { return supplier; }
    public OrderStatus getStatus() { return status; }
    public LocalDate getOrderDate() { return orderDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public LocalDate getRequestedDelivery() { return requestedDelivery; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<OrderLine> getLines() { return Collections.unmodifiableList(lines); }
    public String getSapSender() { return sapSender; }
    public String getSapDocnum() { return sapDocnum; }
    public String getSapChangedAt() { return sapChangedAt; }
    public List<ExtensionField> getExtensions() { return Collections.unmodifiableList(extensions); }
}
