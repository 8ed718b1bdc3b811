package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.in.WebhookRequest;

/**
 * Hostile bodies (deep nesting, long numbers, truncation) reach both parse entry points, the replay reader and the
 * signed webhook: each ends in a {@link MalformedPayloadException} (or a reading, for a harmless cut), never a
 * stack overflow, another exception type, or seconds of CPU.
 */
class HostilePayloadPropertiesTest {
    private static final String SECRET = "property-secret";
    private static final String BODY =
            "{\"for_user_id\":\"1001\",\"tweet_create_events\":[{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\","
                    + "\"id\":1050118621198921728,\"id_str\":\"1050118621198921728\",\"text\":\"@bankcare card \\u00e9 help\","
                    + "\"user\":{\"id\":501,\"id_str\":\"501\",\"name\":\"Jane\",\"screen_name\":\"jane_doe\","
                    + "\"followers_count\":77,\"verified\":false},\"entities\":{\"hashtags\":[],\"urls\":[],"
                    + "\"user_mentions\":[],\"symbols\":[]},\"lang\":\"en\"}]}";

    private final TwitterWebhookHandler handler = TwitterWebhookHandler.builder()
            .consumerSecret(SECRET)
            .account("1001", ChannelId.of("twitter-care"))
            .build();
    private final TwitterPayloadReader reader = TwitterPayloadReader.create();

    @Property(tries = 40)
    void deepNestingIsATypedError(
            @ForAll @IntRange(min = TwitterJson.MAX_DEPTH + 1, max = 200_000) int depth, @ForAll boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String body = "{\"for_user_id\":\"1001\",\"tweet_create_events\":" + open.repeat(depth);

        assertTypedErrorQuickly(body, "nesting");
    }

    @Property(tries = 20)
    void longNumbersAreATypedErrorThatDoesNotQuoteThem(
            @ForAll @IntRange(min = TwitterJson.MAX_NUMBER_LENGTH + 1, max = 600_000) int digits,
            @ForAll("numberPlaces") String place) {
        String number = "9".repeat(digits);
        String body = place.replace("N", number);

        MalformedPayloadException e = assertTypedErrorQuickly(body, "Number value length");
        assertThat(e.getMessage()).doesNotContain("9".repeat(50)).hasSizeLessThan(400);
    }

    @Provide
    Arbitrary<String> numberPlaces() {
        return Arbitraries.of(
                "{\"for_user_id\":N,\"tweet_create_events\":[]}",
                "{\"for_user_id\":\"1001\",\"tweet_create_events\":[{\"id\":N}]}",
                "{\"for_user_id\":\"1001\",\"tweet_create_events\":[],\"x\":-N.5e7}",
                "[N]");
    }

    @Property(tries = 300)
    void truncatedBodiesNeverEscapeAsAnythingButATypedError(@ForAll("cuts") int cut) {
        String body = BODY.substring(0, cut);

        for (Runnable parse : entryPoints(body)) {
            long start = cpuNanos();
            try {
                parse.run();
            } catch (MalformedPayloadException expected) {
                assertThat(expected.field()).isNotBlank();
            }
            assertThat(cpuNanos() - start).isLessThan(2_000_000_000L);
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, BODY.length() - 1);
    }

    private MalformedPayloadException assertTypedErrorQuickly(String body, String problem) {
        MalformedPayloadException last = null;
        for (Runnable parse : entryPoints(body)) {
            long start = cpuNanos();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(parse::run);
            assertThat(cpuNanos() - start).as("nanoseconds to refuse").isLessThan(2_000_000_000L);
            assertThat(thrown).isInstanceOf(MalformedPayloadException.class).hasMessageContaining(problem);
            last = (MalformedPayloadException) thrown;
        }
        return last;
    }

    private Runnable[] entryPoints(String body) {
        return new Runnable[] {
            () -> reader.read(body),
            () -> handler.handle(WebhookRequest.post(
                    "/twitter",
                    Map.of(
                            TwitterWebhookHandler.SIGNATURE_HEADER,
                            handler.signatureFor(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    body))
        };
    }

    @Property(tries = 1)
    void aCleanBodyStillReadsSoTheCutsAboveMeanSomething() {
        assertThat(reader.read(BODY).customerMessages()).hasSize(1);
        assertThatThrownBy(() -> reader.read(BODY.substring(0, BODY.length() - 1)))
                .isInstanceOf(MalformedPayloadException.class);
    }

    /** CPU time of this thread: what a hostile body costs, whatever else the machine is doing. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
