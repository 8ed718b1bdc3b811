package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.socialcare.facebook.TestPages.NOW;
import static org.socialcare.facebook.TestPages.config;
import static org.socialcare.facebook.TestPages.signedPost;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.testkit.MutableClock;

/**
 * Hostile bodies (deep nesting, long numbers, truncation) at both parse entry points, the signed webhook and the
 * replay reader: each is a {@link MalformedPayloadException} (or a reading, for a harmless cut), decided quickly,
 * never a stack overflow or another exception type, and a long number is never quoted back.
 */
class HostileGraphPayloadPropertiesTest {
    private static final String BODY = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + TestPages.PAGE_ID
            + "\",\"time\":1772452800,\"messaging\":[{\"sender\":{\"id\":\"2001\"},\"recipient\":{\"id\":\""
            + TestPages.PAGE_ID
            + "\"},\"timestamp\":1772452800000,\"message\":{\"mid\":\"m_1\",\"text\":\"card \\u00e9\"}}]}]}";

    private final MutableClock clock = new MutableClock(NOW);
    private final FacebookWebhookHandler handler =
            new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);
    private final FacebookPayloadReader reader = FacebookPayloadReader.forReplay();

    @Property(tries = 40)
    void deepNestingIsATypedError(
            @ForAll @IntRange(min = GraphJsonLimits.MAX_DEPTH + 1, max = 200_000) int depth, @ForAll boolean objects) {
        String body = "{\"object\":\"page\",\"entry\":" + (objects ? "{\"a\":" : "[").repeat(depth);

        assertTypedErrorQuickly(body, "nesting");
    }

    @Property(tries = 20)
    void longNumbersAreATypedErrorThatDoesNotQuoteThem(
            @ForAll @IntRange(min = GraphJsonLimits.MAX_NUMBER_LENGTH + 1, max = 600_000) int digits,
            @ForAll("numberPlaces") String place) {
        String body = place.replace("N", "7".repeat(digits));

        MalformedPayloadException e = assertTypedErrorQuickly(body, "Number value length");
        assertThat(e.getMessage()).doesNotContain("7".repeat(50)).hasSizeLessThan(400);
    }

    @Provide
    Arbitrary<String> numberPlaces() {
        return Arbitraries.of(
                BODY.replace("1772452800000", "N"),
                BODY.replace("\"time\":1772452800", "\"time\":-N.5"),
                "{\"object\":\"page\",\"entry\":[],\"n\":N}");
    }

    @Property(tries = 300)
    void truncatedBodiesNeverEscapeAsAnythingButATypedError(@ForAll("cuts") int cut) {
        String body = BODY.substring(0, cut);
        for (Runnable parse : entryPoints(body)) {
            long start = cpuNanos();
            Throwable thrown = catchThrowable(parse::run);
            assertThat(cpuNanos() - start).isLessThan(2_000_000_000L);
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(MalformedPayloadException.class);
            }
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, BODY.length() - 1);
    }

    @Property(tries = 1)
    void theCleanBodyReadsSoTheCutsAboveMeanSomething() {
        assertThat(handler.handle(signedPost(BODY)).batches()).singleElement().satisfies(b -> assertThat(b.messages())
                .hasSize(1));
        assertThat(reader.read(BODY).customerMessages()).hasSize(1);
    }

    private MalformedPayloadException assertTypedErrorQuickly(String body, String problem) {
        MalformedPayloadException last = null;
        for (Runnable parse : entryPoints(body)) {
            long start = cpuNanos();
            Throwable thrown = catchThrowable(parse::run);
            assertThat(cpuNanos() - start).as("nanoseconds to refuse").isLessThan(2_000_000_000L);
            assertThat(thrown).isInstanceOf(MalformedPayloadException.class).hasMessageContaining(problem);
            last = (MalformedPayloadException) thrown;
        }
        return last;
    }

    private Runnable[] entryPoints(String body) {
        return new Runnable[] {() -> handler.handle(signedPost(body)), () -> reader.read(body)};
    }

    /** CPU time of this thread: what a hostile body costs, whatever else the machine is doing. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
