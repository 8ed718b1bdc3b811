package org.socialcare.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.examples.demo.BankSetup;

/**
 * The two desks the benchmarks measure, on storage the benchmark holds. {@code default}: one team, one channel,
 * no routing, SLA or escalation rules. {@code bank}: the demo's Northbank ({@link BankSetup}: skills routing
 * with auto-assign, business-hours SLA, the recommended escalation rules, the hijack guard).
 */
final class Desks {
    /** Monday 2 March 2026, 09:00 London: inside the bank's opening hours. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    /** Where customers write, per configuration: channel and platform. */
    record Entry(ChannelId channel, Platform platform) {}

    private Desks() {}

    /**
     * The publisher of a benchmark desk that never dispatches its outbox: replies and hides are still queued as in
     * production (a publisher answers what the platform can do), and a dispatch would fail loudly.
     */
    private record NotDispatched(Platform platform) implements ChannelPublisher {
        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            throw new IllegalStateException("benchmark desks do not dispatch their outbox");
        }
    }

    static CareDesk build(String config, CareStorage storage, Clock clock) {
        CareDesk.Builder builder = CareDesk.builder().clock(clock).storage(storage);
        return switch (config) {
            case "default" ->
                builder.team(Team.of("care", "Care"))
                        .channel(Channel.of(
                                "tw", Platform.TWITTER, "Bank", "1", ChannelKind.DEDICATED_CARE, TeamId.of("care")))
                        .receiveOnly(ChannelId.of("tw"))
                        .build();
            case "bank" ->
                new BankSetup()
                        .configure(builder)
                        .publisher(new NotDispatched(Platform.TWITTER))
                        .publisher(new NotDispatched(Platform.FACEBOOK))
                        .build();
            default -> throw new IllegalArgumentException("config must be 'default' or 'bank', was '" + config + "'");
        };
    }

    /** The channels customers write to, in rotation. */
    static List<Entry> entries(String config) {
        return config.equals("default")
                ? List.of(new Entry(ChannelId.of("tw"), Platform.TWITTER))
                : List.of(
                        new Entry(BankSetup.TWITTER_CARE, Platform.TWITTER),
                        new Entry(BankSetup.TWITTER_CARDS, Platform.TWITTER),
                        new Entry(BankSetup.TWITTER_BRAND, Platform.TWITTER),
                        new Entry(BankSetup.FACEBOOK_PAGE, Platform.FACEBOOK));
    }

    /**
     * What customers write during an outage, in rotation: complaints, questions, a fraud report, a close-account
     * threat, praise (so triage, routing by skill and the escalation rules all have work).
     */
    static final List<String> TEXTS = List.of(
            "my card was declined again at the supermarket, why?",
            "I've been on hold for 40 minutes, this is the worst bank ever",
            "someone used my card for payments I did not make, I think it is fraud",
            "how do I change the address on my account?",
            "the app keeps crashing when I log in, fix it",
            "I'm closing my account if nobody answers today",
            "thanks for sorting my mortgage question so quickly!",
            "mi tarjeta no funciona desde ayer, ¿qué pasa?");

    /**
     * A new conversation of the bank's social care team on Twitter care, opened by customer {@code id}'s message at
     * {@code at} and waiting for an answer due at {@code responseDue}; not stored.
     */
    static Conversation waitingConversation(long id, Instant at, Optional<Instant> responseDue) {
        InboundMessage first = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, Long.toString(id)),
                        BankSetup.TWITTER_CARE,
                        Party.of("u" + id, "user" + id))
                .text(TEXTS.get((int) (id % TEXTS.size())))
                .createdAt(at)
                .build();
        return Conversation.start(ConversationId.of("c" + id), first)
                .copy()
                .team(Optional.of(BankSetup.SOCIAL_CARE))
                .awaitingResponseSince(Optional.of(first.createdAt()))
                .responseDueAt(responseDue)
                .build();
    }
}
