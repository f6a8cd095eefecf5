package com.procura.security;

/** A company's allowed addresses and idle timeout, as {@code /admin/security} shows them. */
public record CompanyRow(long id, String name, String ranges, String idleMinutes) {
}
