package com.procura.orders;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A supplier's answer for one line: a quantity, date and price, or a rejection with a reason. */
public record LineConfirmation(int lineNumber, BigDecimal quantity, LocalDate date, BigDecimal price,
        String rejectionReason) {

    public boolean rejected() {
        return rejectionReason != null && !rejectionReason.isBlank();
    }
}
