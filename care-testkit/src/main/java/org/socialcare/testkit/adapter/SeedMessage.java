package org.socialcare.testkit.adapter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer message a {@link ChannelSourceContract} asks the platform emulator to hold, in the platform's
 * own terms: the author's platform user id and handle, the text, and the time (whole seconds, as the
 * platforms report it). The emulator assigns the platform message id; {@code sequence} is the position in
 * the seeding order (0 = oldest) so emulators can derive increasing ids from it.
 *
 * <p>Texts are unique per sequence and contain non-ASCII characters (accents and an emoji outside the BMP),
 * no {@code & < >}, no URL and no leading mention, so an adapter may prefix a mention but must not mangle the
 * text. Immutable.
 */
public record SeedMessage(int sequence, String authorId, String authorHandle, String text, Instant createdAt) {
    /** The start of the seeded day: 2026-03-02T09:00:00Z, a Monday. */
    public static final Instant DAY_START = Instant.parse("2026-03-02T09:00:00Z");

    public SeedMessage {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0 but was " + sequence);
        }
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The message of sequence {@code n}: author id {@code 7100000 + n % 40} (numeric, so it suits both
     * platforms), handle {@code cust_<n % 40>}, one minute apart from {@link #DAY_START}.
     */
    public static SeedMessage numbered(int n) {
        int author = n % 40;
        return new SeedMessage(
                n,
                String.valueOf(7_100_000 + author),
                "cust_" + author,
                String.format(
                        "Still waiting for my card, msg %05d - 40 min on hold \u00e9\u00e8 \u23f3 \uD83D\uDE20", n),
                DAY_START.plus(n, ChronoUnit.MINUTES));
    }

    /** Messages {@code from} .. {@code from + count - 1}, oldest first. */
    public static List<SeedMessage> numbered(int from, int count) {
        List<SeedMessage> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(numbered(i));
        }
        return List.copyOf(out);
    }

    /** The unique marker inside {@link #text()} ("msg 00042") by which the contract finds the message again. */
    public String marker() {
        return String.format("msg %05d", sequence);
    }
}
