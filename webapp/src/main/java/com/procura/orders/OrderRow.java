package com.procura.orders;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the order list: only what the list shows. */
public record OrderRow(long id, String orderNumber, String supplierName, OrderStatus status, LocalDate orderDate,
        LocalDate requestedDelivery, BigDecimal totalAmount, String currency) {
}
