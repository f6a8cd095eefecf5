package com.procura.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How templates show numbers and dates: one place, one style. */
public final class Format {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Format() {
    }

    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> decimal("#,##0.00"));
    private static final ThreadLocal<DecimalFormat> QUANTITY = ThreadLocal.withInitial(() -> decimal("#,##0.###"));

    public static String money(BigDecimal amount) {
        return amount == null ? "" : MONEY.get().format(amount);
    }

    public static String quantity(BigDecimal amount) {
        return amount == null ? "" : QUANTITY.get().format(amount);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant) + " UTC";
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
