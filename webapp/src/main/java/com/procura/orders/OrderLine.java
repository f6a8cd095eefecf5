package com.procura.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "order_line")
public class OrderLine {
    @Id
    @TableGenerator(name = "line_ids", table = "id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "order_line", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "line_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    private String material;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(nullable = false)
    private String unit;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "requested_date")
    private LocalDate requestedDate;

    @Column(name = "confirmed_quantity")
    private BigDecimal confirmedQuantity;

    @Column(name = "confirmed_date")
    private LocalDate confirmedDate;

    @Column(name = "confirmed_price")
    private BigDecimal confirmedPrice;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    protected OrderLine() {
    }

    OrderLine(PurchaseOrder order, int lineNumber, String material, String description, BigDecimal quantity,
            String unit, BigDecimal unitPrice, LocalDate requestedDate) {
        this.order = order;
        this.lineNumber = lineNumber;
        this.material = material;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.requestedDate = requestedDate;
    }

    public void confirm(BigDecimal quantity, LocalDate date) {
        confirm(quantity, date, null);
    }

    public void confirm(BigDecimal quantity, LocalDate date, BigDecimal price) {
        this.confirmedQuantity = quantity;
        this.confirmedDate = date;
        this.confirmedPrice = price;
        this.rejectionReason = null;
    }

    public void reject(String reason) {
        this.confirmedQuantity = BigDecimal.ZERO;
        this.confirmedDate = null;
        this.confirmedPrice = null;
        this.rejectionReason = reason;
    }

    /** A buyer's change: the supplier's earlier confirmation of this line no longer holds. */
    public void change(String material, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            LocalDate requestedDate) {
        this.material = material;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.requestedDate = requestedDate;
        this.confirmedQuantity = null;
        this.confirmedDate = null;
        this.confirmedPrice = null;
        this.rejectionReason = null;
    }

    public boolean isRejected() {
        return rejectionReason != null;
    }

    /** The price the supplier confirmed, or the ordered price when it confirmed none. */
    public BigDecimal getEffectivePrice() {
        return confirmedPrice != null ? confirmedPrice : unitPrice;
    }

    public BigDecimal getNetValue() {
        return netValue(quantity, unitPrice);
    }

    static BigDecimal netValue(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Days the confirmed date lies after the requested one; 0 when on time or not confirmed. */
    public long getDelayDays() {
        if (confirmedDate == null || requestedDate == null) {
            return 0;
        }
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(requestedDate, confirmedDate));
    }

    public Long getId() { return id; }
    public int getLineNumber() { return lineNumber; }
    public String getMaterial() { return material; }
    public String getDescription() { return description; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public LocalDate getRequestedDate() { return requestedDate; }
    public BigDecimal getConfirmedQuantity() { return confirmedQuantity; }
    public LocalDate getConfirmedDate() { return confirmedDate; }
    public BigDecimal getConfirmedPrice() { return confirmedPrice; }
    public String getRejectionReason() { return rejectionReason; }
}
