package org.socialcare.examples.demo.platforms;

import java.util.Locale;

/**
 * Which X (Twitter) API the demo's Twitter accounts speak: X API v2 through the adapter's {@code XChannelSource}
 * and {@code XChannelPublisher} against the {@code XApiEmulator}, or the v1.1 REST API through twitter4j against
 * the {@code TwitterApiEmulator}. Both play the same day, figure for figure; the one line that differs is the
 * platform id of the hijacker's post that the channel-pause line quotes (each emulator hands out ids of its own),
 * which is why v1.1 stays the default: the seed-42 reference report quotes the v1.1 id.
 */
public enum XApiVersion {
    /** X API v2 with OAuth 2.0 user context (refreshed tokens): X as a bank signs up for it today. */
    V2("v2"),
    /** The v1.1 REST API through twitter4j with OAuth 1.0a, for accounts and tiers that still have it. The default. */
    V1_1("v1.1");

    private final String label;

    XApiVersion(String label) {
        this.label = label;
    }

    /** {@code v2} or {@code v1.1}, as the demo's {@code --x-api} option spells it. */
    public String label() {
        return label;
    }

    /**
     * The version spelled {@code value} ({@code v2}, {@code 2}, {@code v1.1} or {@code 1.1}, any case).
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static XApiVersion parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (XApiVersion version : values()) {
            if (v.equals(version.label) || ("v" + v).equals(version.label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("the X API must be 'v2' or 'v1.1' but was '" + value + "'");
    }
}
