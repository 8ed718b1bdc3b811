package org.socialcare.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.examples.demo.CustomerTraffic;

/**
 * A care day of customer mentions compressed into a short run, for {@link RuntimeExample}: arrivals in the demo's
 * shape ({@link CustomerTraffic#dayFraction}: a mid-morning and an after-lunch peak over a flat base), each from
 * its own customer, with texts an agent answers (questions and complaints; no spam, praise or threats, which the
 * desk treats apart). The same seed gives the same day. Immutable.
 */
public final class CompressedDay {
    private static final String[] TEXTS = {
        "my card payment %d failed twice today",
        "why does the app ask me to log in again every time? (%d)",
        "I have been on hold for 40 minutes, reference %d",
        "can I raise my contactless limit? case %d",
        "transfer %d is still pending since Monday",
        "how do I order a new PIN? ticket %d",
        "the branch closed early today and I needed cash, ticket %d",
        "my statement %d shows a fee I do not understand"
    };

    /** One customer's mention: when in the run, which customer (0-based), what it says. */
    public record Mention(Duration after, int customer, String text) {}

    private final List<Mention> mentions;
    private final Duration length;

    private CompressedDay(List<Mention> mentions, Duration length) {
        this.mentions = List.copyOf(mentions);
        this.length = length;
    }

    /** {@code count} mentions spread over {@code length}, drawn from {@code seed}. */
    public static CompressedDay of(int count, Duration length, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length must be positive, got " + length);
        }
        Random random = new Random(seed);
        List<Mention> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double x = CustomerTraffic.dayFraction(random);
            out.add(new Mention(
                    Duration.ofMillis((long) (x * length.toMillis())), i, TEXTS[i % TEXTS.length].formatted(i)));
        }
        out.sort(Comparator.comparing(Mention::after).thenComparingInt(Mention::customer));
        return new CompressedDay(out, length);
    }

    public List<Mention> mentions() {
        return mentions;
    }

    public Duration length() {
        return length;
    }

    /**
     * Posts the day's mentions to {@code emulator} at their times from now, customer {@code i} as user {@code
     * firstUserId + i}; each posted status id goes to {@code posted} as it is posted. Returns when the day is over
     * or the thread is interrupted.
     */
    public void play(TwitterApiEmulator emulator, long firstUserId, List<Long> posted) {
        long start = System.nanoTime();
        for (Mention m : mentions) {
            long wait = m.after().toNanos() - (System.nanoTime() - start);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            int i = m.customer();
            TwitterApiEmulator.User user =
                    emulator.user(firstUserId + i, "customer" + i, "Customer " + i, 50 + i % 900, false);
            posted.add(emulator.mentionAt(user, m.text(), Instant.now()));
        }
    }
}
