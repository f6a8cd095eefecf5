package com.procura.upgrade.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() throws Exception {
        var node = Json.MAPPER.readTree("{ \"b\": [ {\"z\": 1, \"a\": \"x y\"} ], \"a\": { \"d\": true, \"c\": null } }");

        String canonical = new String(Json.canonical(node), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"a\":{\"c\":null,\"d\":true},\"b\":[{\"a\":\"x y\",\"z\":1}]}");
    }

    @Test
    void stringsAreEscapedAsJson() throws Exception {
        var node = Json.MAPPER.readTree("{\"notes\": \"line 1\\nline \\\"2\\\"\"}");

        assertThat(new String(Json.canonical(node), StandardCharsets.UTF_8)).isEqualTo("{\"notes\":\"line 1\\nline \\\"2\\\"\"}");
    }
}
