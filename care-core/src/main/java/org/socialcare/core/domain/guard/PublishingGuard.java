package org.socialcare.core.domain.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Reply;

/**
 * Guard rails applied by the outbox dispatcher before anything is published: an outbound rate cap per
 * channel (over the cap an entry is <em>held</em>, QUEUED until a slot frees, never failed) and a link
 * allow-list for text replies (a reply with a link to a domain not on the list is FAILED with the reason:
 * retrying cannot make it safe, an agent must rewrite it). Links are checked at dispatch rather than at
 * enqueue so every path into the outbox is covered (agents, automation, other nodes, entries queued before a
 * configuration change); the composer may call {@link #disallowedLinks} to warn the agent earlier.
 *
 * <p>{@link #none()} (the desk's default) caps nothing and allows every link. Thread-safe; rate windows are
 * kept in memory per desk instance, so with several nodes each enforces the cap on what it sends.
 */
public final class PublishingGuard {
    private final Optional<LinkPolicy> links;
    private final int defaultCap;
    private final Duration window;
    private final Map<ChannelId, Integer> caps;
    private final Map<ChannelId, Deque<Instant>> sent = new HashMap<>();

    private PublishingGuard(Builder b) {
        this.links = Optional.ofNullable(b.links);
        this.defaultCap = b.defaultCap;
        this.window = b.window;
        this.caps = Map.copyOf(b.caps);
    }

    public static PublishingGuard none() {
        return builder().build();
    }

    /** Starts with no cap (0 = unlimited) over a one-hour window and no link checks. */
    public static Builder builder() {
        return new Builder();
    }

    /** The links of a text reply that the allow-list forbids; empty when links are not checked. */
    public List<String> disallowedLinks(Reply reply) {
        Checks.notNull(reply, "reply");
        if (links.isEmpty() || !reply.kind().carriesText()) {
            return List.of();
        }
        return links.get().disallowedLinks(reply.text());
    }

    /**
     * Takes a publishing slot on the channel at {@code now}: empty when taken (go ahead), else the instant at
     * which the next slot frees (hold the entry until then).
     */
    public synchronized Optional<Instant> tryAcquire(ChannelId channel, Instant now) {
        Checks.notNull(channel, "channel");
        Checks.notNull(now, "now");
        int cap = caps.getOrDefault(channel, defaultCap);
        if (cap == 0) {
            return Optional.empty();
        }
        Deque<Instant> q = sent.computeIfAbsent(channel, k -> new ArrayDeque<>());
        Instant from = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(from)) {
            q.removeFirst();
        }
        if (q.size() >= cap) {
            return Optional.of(q.peekFirst().plus(window));
        }
        q.addLast(now);
        return Optional.empty();
    }

    /** The cap that applies to the channel (0 = none) and its window, as text for reasons. */
    public String describeCap(ChannelId channel) {
        return caps.getOrDefault(channel, defaultCap) + " per " + window;
    }

    /** Configures a {@link PublishingGuard}; validated eagerly; not thread-safe. */
    public static final class Builder {
        private LinkPolicy links;
        private int defaultCap;
        private Duration window = Duration.ofHours(1);
        private final Map<ChannelId, Integer> caps = new HashMap<>();

        private Builder() {}

        /** At most {@code cap} publications per channel within {@code window} (0 = unlimited). */
        public Builder rateCap(int cap, Duration window) {
            this.defaultCap = (int) Checks.notNegative(cap, "rate cap");
            this.window = Checks.positive(window, "rate cap window");
            return this;
        }

        /** A cap for one channel (0 = unlimited), over the window of {@link #rateCap}. */
        public Builder rateCap(ChannelId channel, int cap) {
            caps.put(Checks.notNull(channel, "channel"), (int) Checks.notNegative(cap, "rate cap of " + channel));
            return this;
        }

        /** Replies may only link to these domains and their subdomains. */
        public Builder links(LinkPolicy value) {
            links = Checks.notNull(value, "links");
            return this;
        }

        public PublishingGuard build() {
            return new PublishingGuard(this);
        }
    }
}
