package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatJsonTest {
    @Test
    void readsObjectsArraysStringsIntegersAndLiteralsKeepingEachArrayItemsRawText() {
        Object parsed = ChatJson.parse(" {\"a\": [ {\"x\":1} , \"t\\u00e9\\n\\\"\" ,-7,true,false,null], \"b\":{}} ");

        Map<?, ?> map = (Map<?, ?>) parsed;
        List<?> items = (List<?>) map.get("a");
        assertThat(items)
                .extracting(i -> ((ChatJson.Parsed) i).raw())
                .containsExactly("{\"x\":1}", "\"t\\u00e9\\n\\\"\"", "-7", "true", "false", "null");
        assertThat(items)
                .extracting(i -> ((ChatJson.Parsed) i).value())
                .containsExactly(Map.of("x", 1L), "t\u00e9\n\"", -7L, true, false, ChatJson.NULL);
        assertThat(map.get("b")).isEqualTo(Map.of());
    }

    @Test
    void quotedTextReadsBackUnchanged() {
        String text = "Card \"blocked\" \\ \u00e9\u00e8 \uD83D\uDE20\n\t\u0001 end";

        assertThat(ChatJson.parse(ChatJson.quote(text))).isEqualTo(text);
    }

    @Test
    void anyTextSurvivesQuoteAndParse() {
        java.util.Random random = new java.util.Random(20260302);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                int pick = random.nextInt(4);
                int codePoint = pick == 0
                        ? random.nextInt(0x80) // ASCII incl. controls, quotes, backslash
                        : pick == 1
                                ? 0x80 + random.nextInt(0xD800 - 0x80) // the rest of the BMP before surrogates
                                : pick == 2
                                        ? 0x1F300 + random.nextInt(0x300) // emoji (surrogate pairs)
                                        : "\\\"\n\t/".codePointAt(random.nextInt(5));
                text.appendCodePoint(codePoint);
            }
            assertThat(ChatJson.parse(ChatJson.quote(text.toString())))
                    .as("round trip %d", i)
                    .isEqualTo(text.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "{\"a\":1,}",
                "[1,]",
                "{\"a\":1}x",
                "{\"a\":1.5}",
                "{\"a\":1e3}",
                "{a:1}",
                "{\"a\":1,\"a\":2}",
                "\"tab\there\"",
                "\"\\x\"",
                "\"\\u12\"",
                "01",
                "tru",
                "{\"a\" 1}",
                "[1 2]",
                "99999999999999999999"
            })
    void rejectsAnythingOutsideStrictJsonNamingTheOffset(String bad) {
        assertThatThrownBy(() -> ChatJson.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at offset");
    }
}
