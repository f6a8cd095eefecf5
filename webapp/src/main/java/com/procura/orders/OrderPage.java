package com.procura.orders;

import java.util.List;

/** A page of the order list and how many orders match in all. */
public record OrderPage(List<OrderRow> rows, long total, OrderQuery query) {
    public int pageCount() {
        return (int) Math.max(1, (total + OrderQuery.PAGE_SIZE - 1) / OrderQuery.PAGE_SIZE);
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pageCount();
    }
}
