package org.socialcare.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.ChannelPublisher;

/** A small bank desk for tests: one Twitter care channel, one team, two agents, a recording publisher. */
final class DeskFixture {
    static final TeamId CARE = TeamId.of("care");
    static final ChannelId TWITTER_CARE = ChannelId.of("twitter-care");
    static final Party ANNA = Party.of("1001", "anna_k").withFollowers(120);
    static final Party BEN = Party.of("1002", "ben_w");

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final RecordingPublisher publisher = new RecordingPublisher();
    final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
    final Agent alice = Agent.of("alice", "Alice Brown", "AB", CARE);
    final Agent carl = Agent.of("carl", "Carl Diaz", "CD", CARE);
    private final AtomicInteger ids = new AtomicInteger();
    final CareDesk desk;

    DeskFixture() {
        this(Function.identity());
    }

    DeskFixture(Function<CareDesk.Builder, CareDesk.Builder> customise) {
        desk = customise
                .apply(CareDesk.builder()
                        .clock(clock)
                        .ids(() -> "id-" + ids.incrementAndGet())
                        .team(Team.of("care", "Social care"))
                        .channel(Channel.of(
                                "twitter-care", Platform.TWITTER, "AskBank", "900", ChannelKind.DEDICATED_CARE, CARE))
                        .agent(alice)
                        .agent(carl)
                        .publisher(publisher)
                        .notifier(notices::add))
                .build();
    }

    InboundMessage tweet(String id, Party from, String text) {
        return message(id, from, text, Visibility.PUBLIC, null);
    }

    InboundMessage replyTweet(String id, Party from, String text, String inReplyTo) {
        return message(id, from, text, Visibility.PUBLIC, inReplyTo);
    }

    InboundMessage dm(String id, Party from, String text) {
        return message(id, from, text, Visibility.PRIVATE, null);
    }

    InboundMessage message(String id, Party from, String text, Visibility visibility, String inReplyTo) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), TWITTER_CARE, from)
                .text(text)
                .visibility(visibility)
                .inReplyTo(inReplyTo)
                .createdAt(clock.instant())
                .language("en")
                .build();
    }

    /** Records what it publishes; scripted failures are thrown first, in order. */
    static final class RecordingPublisher implements ChannelPublisher {
        final List<Reply> published = new CopyOnWriteArrayList<>();
        final List<RuntimeException> failures = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger(5000);

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        /** Like the Twitter adapter's publisher: no private reply to a tweet, no hiding. */
        @Override
        public boolean supports(ReplyKind kind) {
            return kind == ReplyKind.PUBLIC_REPLY || kind == ReplyKind.PRIVATE_MESSAGE;
        }

        @Override
        public synchronized Optional<String> publish(Channel channel, Reply reply) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            published.add(reply);
            return Optional.of(String.valueOf(next.incrementAndGet()));
        }
    }

    static Instant at(String s) {
        return Instant.parse(s);
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
