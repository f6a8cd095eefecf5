package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginRedirectTest {
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "/orders?status=NEW, /orders?status=NEW",
        "/suppliers, /suppliers",
        "NULL, /dashboard",
        "https://evil.example/, /dashboard",
        "//evil.example/, /dashboard",
        "/\\evil.example, /dashboard",
        "/login, /dashboard",
        "javascript:alert(1), /dashboard"})
    void nextPageIsOnlyEverALocalPath(String next, String expected) {
        assertThat(LoginServlet.safeNext(next)).isEqualTo(expected);
    }
}
