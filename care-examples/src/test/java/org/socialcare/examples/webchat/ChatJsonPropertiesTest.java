package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.in.WebhookRequest;

/**
 * The web chat reader under hostile input (deep nesting, long numbers, truncated bodies) fails with a typed
 * error naming the offset, quickly and without a stack overflow, at both entry points; and every array item keeps
 * its exact source text, whatever the spacing and escapes around it.
 */
class ChatJsonPropertiesTest {
    private static final String SECRET = "chat-property-secret";
    private static final String PATH = "/webhooks/webchat";
    private static final String PAGE = "{\"messages\":[{\"seq\":41,\"sessionId\":\"s-4711\",\"from\":\"customer\","
            + "\"name\":\"Anna\",\"text\":\"Card \\\"blocked\\\" \\u00e9\",\"sentAt\":\"2026-03-02T09:00:00Z\"}]}";

    private final WebChatWebhookHandler handler = new WebChatWebhookHandler(
            WebChatSettings.builder(URI.create("http://127.0.0.1:1"), SECRET).build(), ChannelId.of("webchat-bank"));

    @Property(tries = 40)
    void deepNestingIsRefusedNamingTheOffset(
            @ForAll @IntRange(min = ChatJson.MAX_DEPTH + 1, max = 200_000) int depth, @ForAll boolean objects) {
        String body = "{\"messages\":" + (objects ? "{\"a\":" : "[").repeat(depth);

        assertRefused(body, "nesting");
    }

    @Property(tries = 20)
    void longNumbersAreRefusedWithoutBeingQuoted(@ForAll @IntRange(min = 21, max = 600_000) int digits) {
        String body = "{\"messages\":[{\"seq\":" + "8".repeat(digits) + "}]}";

        Throwable e = assertRefused(body, "value length"); // "Number value length", or "String" beyond the buffer limit
        assertThat(e.getMessage()).doesNotContain("8".repeat(30));
    }

    @Property(tries = 200)
    void truncatedBodiesAreATypedError(@ForAll("cuts") int cut) {
        assertRefused(PAGE.substring(0, cut), "offset");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, PAGE.length() - 1);
    }

    @Property(tries = 200)
    void everyArrayItemKeepsItsExactSourceText(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 5) Integer> kinds,
            @ForAll("texts") String text,
            @ForAll("spaces") String space) {
        List<String> items = new ArrayList<>();
        for (int kind : kinds) {
            items.add(
                    switch (kind) {
                        case 0 -> ChatJson.quote(text);
                        case 1 -> "{" + space + "\"t\"" + space + ":" + space + ChatJson.quote(text) + space + "}";
                        case 2 -> "[" + space + "-12" + space + "," + space + "true" + space + "]";
                        case 3 -> "9223372036854775807";
                        case 4 -> "null";
                        default -> "{}";
                    });
        }
        String doc = "[" + space + String.join(space + "," + space, items) + space + "]";

        Object parsed = ChatJson.parse(doc);

        assertThat((List<?>) parsed)
                .extracting(i -> ((ChatJson.Parsed) i).raw())
                .containsExactlyElementsOf(items);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(30).filter(s -> s.codePoints()
                .allMatch(Character::isValidCodePoint));
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(3);
    }

    private Throwable assertRefused(String body, String problem) {
        long start = cpuNanos();
        Throwable parse = catchThrowable(() -> ChatJson.parse(body));
        assertThat(parse)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("at offset");
        Throwable hook = catchThrowable(() -> handler.handle(WebhookRequest.post(
                PATH,
                Map.of(ChatSignature.HEADER, new ChatSignature(SECRET).sign(Instant.now(), "POST", PATH, body)),
                body)));
        assertThat(hook).isInstanceOf(MalformedPayloadException.class).hasMessageContaining(problem);
        assertThat(cpuNanos() - start).as("nanoseconds to refuse").isLessThan(2_000_000_000L);
        return parse;
    }

    /** CPU time of this thread: what a hostile body costs, whatever else the machine is doing. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
