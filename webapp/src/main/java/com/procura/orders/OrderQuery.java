package com.procura.orders;

import java.util.Locale;
import java.util.Map;

/** Filter, sort order and page of the purchase order list, read from the request's parameters. */
public record OrderQuery(Long supplierId, OrderStatus status, Sort sort, boolean ascending, int page) {
    public static final int PAGE_SIZE = 20;

    public enum Sort {
        NUMBER("o.order_number"), SUPPLIER("s.name"), DATE("o.order_date"), DELIVERY("o.requested_delivery"),
        STATUS("o.status"), TOTAL("o.total_amount");

        /** The column, from this fixed list only: never from the request. */
        final String column;

        Sort(String column) {
            this.column = column;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static OrderQuery firstPage() {
        return new OrderQuery(null, null, Sort.DATE, false, 1);
    }

    /** Unknown or malformed values fall back to the defaults: a list link must never end in an error. */
    public static OrderQuery from(Map<String, String[]> params) {
        return new OrderQuery(
                parseLong(first(params, "supplier")),
                parseEnum(OrderStatus.class, first(params, "status"), null),
                parseEnum(Sort.class, first(params, "sort"), Sort.DATE),
                "asc".equals(first(params, "dir")),
                Math.max(1, (int) Math.min(100_000, parseLongOr(first(params, "page"), 1))));
    }

    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    public OrderQuery withPage(int newPage) {
        return new OrderQuery(supplierId, status, sort, ascending, newPage);
    }

    /** The query string of this list, with another sort column (toggling direction on the same one). */
    public String sortLink(Sort column) {
        boolean asc = column == sort ? !ascending : column != Sort.DATE && column != Sort.TOTAL;
        return new OrderQuery(supplierId, status, column, asc, 1).queryString();
    }

    public String pageLink(int newPage) {
        return withPage(newPage).queryString();
    }

    public String queryString() {
        StringBuilder out = new StringBuilder("?sort=").append(sort.param()).append("&dir=").append(ascending ? "asc" : "desc");
        if (supplierId != null) {
            out.append("&supplier=").append(supplierId);
        }
        if (status != null) {
            out.append("&status=").append(status.name());
        }
        return out.append("&page=").append(page).toString();
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].trim();
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseLongOr(String value, long fallback) {
        Long parsed = parseLong(value);
        return parsed == null ? fallback : parsed;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
