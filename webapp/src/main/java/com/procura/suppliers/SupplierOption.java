package com.procura.suppliers;

/** A supplier as a filter option: id and name. */
public record SupplierOption(long id, String name) {
}
