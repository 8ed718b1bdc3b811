package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter's Jackson reader keeps what the hand-written reader it replaced promised (was {@code JsonTest}). */
class TwitterJsonTest {
    @Test
    void keepsSnowflakeIdsExact() {
        JsonNode o = TwitterJson.parse("{\"id\":1050118621198921728,\"id_str\":\"1050118621198921728\"}");
        assertThat(o.get("id").bigIntegerValue()).isEqualTo(new BigInteger("1050118621198921728"));
        assertThat(TwitterJson.longValue(o, "id")).contains(1050118621198921728L);
        assertThat(TwitterJson.longValue(o, "id_str")).contains(1050118621198921728L);
    }

    @Test
    void roundTripsEscapesAndSurrogates() {
        String text = "quote \" backslash \\ newline \n tab \t emoji \uD83D\uDE21 ctrl \u0001 line-sep \u2028";
        ObjectNode written = TwitterJson.emptyObject().put("t", text);
        written.putArray("l").add(1).add(true).addNull();
        JsonNode back = TwitterJson.parse(TwitterJson.write(written));
        assertThat(back.get("t").textValue()).isEqualTo(text);
        assertThat(back.get("l")).isEqualTo(written.get("l"));
        assertThat(TwitterJson.parse("\"\\ud83d\\ude21\"").textValue()).isEqualTo("\uD83D\uDE21");
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
            assertThatThrownBy(() -> TwitterJson.parse(bad))
                    .as(bad)
                    .isInstanceOf(TwitterJson.NotJson.class)
                    .hasMessageContaining("offset");
        }
    }

    @Test
    void refusesPathologicalNesting() {
        assertThatThrownBy(() -> TwitterJson.parse("[".repeat(10_000)))
                .isInstanceOf(TwitterJson.NotJson.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void refusesAHalfMillionDigitNumberQuicklyWithoutQuotingIt() {
        String digits = "7".repeat(500_000);
        assertThatThrownBy(() -> TwitterJson.parse("[" + "7".repeat(2_000) + "]")) // loads and warms the parser
                .isInstanceOf(TwitterJson.NotJson.class);
        long start = cpuNanos();
        assertThatThrownBy(() -> TwitterJson.parse("{\"for_user_id\":" + digits + "}"))
                .isInstanceOf(TwitterJson.NotJson.class)
                .hasMessageContaining("Number value length")
                .hasMessageContaining(String.valueOf(TwitterJson.MAX_NUMBER_LENGTH))
                .message()
                .doesNotContain("7777777777");
        assertThat(cpuNanos() - start).as("CPU nanoseconds to refuse").isLessThan(500_000_000L);
    }

    @Test
    void refusesANumberWhoseExponentOverflowsWithoutQuotingIt() {
        for (String number : new String[] {"101444e122497028096", "1.5E-99999999999", "4111111111111111e9999999999"}) {
            assertThatThrownBy(() -> TwitterJson.parse("{\"created_timestamp\":" + number + "}"))
                    .as(number)
                    .isInstanceOf(TwitterJson.NotJson.class)
                    .hasMessageContaining("number out of range at offset 21")
                    .message()
                    .doesNotContain(number);
        }
    }

    @Test
    void refusesStringsLongerThanTheLimit() {
        assertThatThrownBy(() -> TwitterJson.parse("[\"" + "x".repeat(TwitterJson.MAX_STRING_LENGTH + 1) + "\"]"))
                .isInstanceOf(TwitterJson.NotJson.class)
                .hasMessageContaining("String value length");
    }

    @Test
    void errorMessagesQuoteAtMostAFewCharactersOfTheBody() {
        assertThatThrownBy(() -> TwitterJson.parse("{\"text\":card4111111111111111}"))
                .isInstanceOf(TwitterJson.NotJson.class)
                .message()
                .doesNotContain("4111111111111111");
    }

    /** CPU time of this thread: what a hostile body costs, whatever else the machine is doing. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
