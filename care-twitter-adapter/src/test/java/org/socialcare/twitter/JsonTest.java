package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.twitter.internal.Json;

class JsonTest {
    @Test
    void keepsSnowflakeIdsExact() {
        Object v = Json.parse("{\"id\":1050118621198921728,\"id_str\":\"1050118621198921728\"}");
        Map<String, Object> o = Json.asObject(v).orElseThrow();
        assertThat(o.get("id")).isEqualTo(new BigInteger("1050118621198921728"));
        assertThat(Json.longValue(o, "id")).contains(1050118621198921728L);
        assertThat(Json.longValue(o, "id_str")).contains(1050118621198921728L);
    }

    @Test
    void roundTripsEscapesAndSurrogates() {
        String text = "quote \" backslash \\ newline \n tab \t emoji \uD83D\uDE21 ctrl \u0001 line-sep \u2028";
        Object back = Json.parse(Json.write(Map.of("t", text, "l", List.of(1, true, Json.NULL))));
        assertThat(Json.asObject(back).orElseThrow().get("t")).isEqualTo(text);
        assertThat(Json.parse("\"\\ud83d\\ude21\"")).isEqualTo("\uD83D\uDE21");
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        for (String bad : List.of(
                "",
                "{",
                "[1,]",
                "{\"a\":1,}",
                "01",
                "1.",
                "tru",
                "\"a",
                "{\"a\" 1}",
                "[1] 2",
                "\"\u0001\"",
                "{'a':1}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
        }
    }

    @Test
    void refusesPathologicalNesting() {
        assertThatThrownBy(() -> Json.parse("[".repeat(10_000)))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("nesting");
    }
}
