package com.procura.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderQueryTest {
    @Test
    void parametersBecomeFilterSortAndPage() {
        OrderQuery query = OrderQuery.from(Map.of("supplier", new String[] {"7"}, "status", new String[] {"confirmed"},
                "sort", new String[] {"total"}, "dir", new String[] {"asc"}, "page", new String[] {"3"}));
        assertThat(query).isEqualTo(new OrderQuery(7L, OrderStatus.CONFIRMED, OrderQuery.Sort.TOTAL, true, 3));
        assertThat(query.offset()).isEqualTo(40);
    }

    @Test
    void garbageFallsBackToTheDefaultListInsteadOfAnError() {
        OrderQuery query = OrderQuery.from(Map.of("supplier", new String[] {"x"}, "status", new String[] {"'; drop"},
                "sort", new String[] {"password_hash"}, "page", new String[] {"-5"}));
        assertThat(query).isEqualTo(OrderQuery.firstPage());
    }

    @Test
    void sortLinkTogglesDirectionOnTheSameColumnAndKeepsFilters() {
        OrderQuery query = new OrderQuery(7L, OrderStatus.NEW, OrderQuery.Sort.NUMBER, true, 2);
        assertThat(query.sortLink(OrderQuery.Sort.NUMBER)).isEqualTo("?sort=number&dir=desc&supplier=7&status=NEW&page=1");
        assertThat(query.sortLink(OrderQuery.Sort.SUPPLIER)).isEqualTo("?sort=supplier&dir=asc&supplier=7&status=NEW&page=1");
    }
}
