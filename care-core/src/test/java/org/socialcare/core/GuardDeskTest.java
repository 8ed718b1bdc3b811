package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.guard.LinkPolicy;
import org.socialcare.core.domain.guard.PublishingGuard;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;

/** Account-hijack kill switch and publishing guard rails, through the desk. */
class GuardDeskTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final Channel BANK = Channel.of("bank", Platform.TWITTER, "Bank", "9000", ChannelKind.BRAND, CARE);
    static final AgentId AB = AgentId.of("ab");

    final MutableClock clock = new MutableClock(T0);
    final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
    final List<Reply> published = new CopyOnWriteArrayList<>();
    final AtomicInteger postIds = new AtomicInteger(5000);

    final ChannelPublisher twitter = new ChannelPublisher() {
        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            published.add(reply);
            return Optional.of(String.valueOf(postIds.incrementAndGet()));
        }
    };

    CareDesk.Builder desk() {
        AtomicInteger ids = new AtomicInteger();
        return CareDesk.builder()
                .clock(clock)
                .ids(() -> "id" + ids.incrementAndGet())
                .notifier(notices::add)
                .team(Team.of("care", "Care"))
                .channel(BANK)
                .agent(Agent.of("ab", "Alice Brown", "AB", CARE))
                .publisher(twitter);
    }

    ConversationId claimedConversation(CareDesk desk, String userId) {
        ConversationId id = desk.ingest(Batch.of(List.of(OpsFixtures.tweet(
                        "t-" + userId, "bank", userId, "@Bank where is my new card?", clock.instant()))))
                .touched()
                .get(0);
        desk.claim(id, AB);
        return id;
    }

    static OwnMessage echo(String id, String app) {
        return new OwnMessage(
                MessageKey.of(Platform.TWITTER, id),
                BANK.id(),
                "Win an iPhone! Send your card number to verify",
                Visibility.PUBLIC,
                Optional.empty(),
                T0,
                Optional.of(app));
    }

    @Test
    void postFromUnknownAppPausesTheChannelNotifiesAndHoldsTheOutbox() {
        CareDesk desk = desk().hijackGuard(HijackGuard.builder()
                        .allowApp(Platform.TWITTER, "Hootsuite Inc.")
                        .build())
                .build();
        ConversationId id = claimedConversation(desk, "u1");
        desk.reply(id, AB, "Your card was posted yesterday ^AB");

        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("777", "Hootsuite Inc."))));
        assertThat(desk.channel(BANK.id()).isActive())
                .as("scheduled marketing post is expected")
                .isTrue();

        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("778", "Totally Legit Client"))));
        assertThat(desk.channel(BANK.id()).isActive()).isFalse();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(EscalationNotice.Kind.ACCOUNT_HIJACK_SUSPECTED);
            assertThat(n.channel()).isEqualTo(BANK.id());
            assertThat(n.reason()).contains("unknown app 'Totally Legit Client'");
        });
        List<AuditEntry> audit = desk.storage().audit().recent(20);
        assertThat(audit)
                .extracting(AuditEntry::action)
                .contains(AuditAction.CHANNEL_PAUSED, AuditAction.HIJACK_SUSPECTED);

        DispatchResult result = desk.dispatchOutbox();
        assertThat(result.held()).isEqualTo(1);
        assertThat(published).isEmpty();
        assertThat(desk.replies(id))
                .singleElement()
                .extracting(Reply::status)
                .isInstanceOf(DeliveryStatus.Queued.class);

        desk.resumeChannel(BANK.id(), "supervisor:sec-ops");
        clock.advance(Duration.ofSeconds(1));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
    }

    @Test
    void hijackPauseIsSharedThroughTheChannelStateStoreAndStopsEveryDeskOnTheStorage() {
        CareStorage shared = InMemoryStorage.create();
        InMemoryChannelStateStore states = new InMemoryChannelStateStore();
        HijackGuard guard = HijackGuard.builder()
                .allowApp(Platform.TWITTER, "Hootsuite Inc.")
                .build();
        CareDesk ingesting =
                desk().storage(shared).channelStates(states).hijackGuard(guard).build();
        CareDesk dispatching =
                desk().storage(shared).channelStates(states).hijackGuard(guard).build();
        ConversationId id = claimedConversation(ingesting, "u1");
        ingesting.reply(id, AB, "Your card was posted yesterday ^AB");

        ingesting.ingest(Batch.empty().withOwnMessages(List.of(echo("778", "Totally Legit Client"))));

        assertThat(states.state(BANK.id())).hasValueSatisfying(r -> {
            assertThat(r.isPaused()).isTrue();
            assertThat(r.actor()).isEqualTo("system");
            assertThat(r.reason())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("suspected account hijack"));
        });
        assertThat(dispatching.dispatchOutbox().held())
                .as("first read of the store on this desk")
                .isEqualTo(1);
        assertThat(published).isEmpty();
        assertThat(dispatching.channel(BANK.id()).isActive()).isFalse();
        assertThat(desk().storage(shared)
                        .channelStates(states)
                        .build()
                        .channel(BANK.id())
                        .isActive())
                .as("a restarted desk")
                .isFalse();
    }

    @Test
    void burstOfUnmatchedPostsPausesTheChannel() {
        CareDesk desk = desk().hijackGuard(HijackGuard.builder()
                        .allowApp(Platform.TWITTER, "Sprinklr")
                        .burst(2, Duration.ofMinutes(5))
                        .build())
                .build();
        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("1", "Sprinklr"), echo("2", "Sprinklr"))));
        assertThat(desk.channel(BANK.id()).isActive()).isTrue();
        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("3", "Sprinklr"))));
        assertThat(desk.channel(BANK.id()).isActive()).isFalse();
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("3 posts not sent by the desk"));
    }

    @Test
    void ownPostsThatPredateTheDeskAreRecordedWithoutPausingTheChannel() {
        CareDesk desk = desk().hijackGuard(HijackGuard.builder()
                        .allowApp(Platform.TWITTER, "Hootsuite Inc.")
                        .build())
                .build();
        // A first poll looks back a day: the account's own posts from before the desk watched it come back as echoes.
        OwnMessage yesterday = new OwnMessage(
                MessageKey.of(Platform.TWITTER, "600"),
                BANK.id(),
                "Card payments are back to normal",
                Visibility.PUBLIC,
                Optional.empty(),
                T0.minus(Duration.ofHours(20)),
                Optional.empty());
        OwnMessage halfHourAgo = new OwnMessage(
                MessageKey.of(Platform.TWITTER, "601"),
                BANK.id(),
                "We're looking into it",
                Visibility.PUBLIC,
                Optional.empty(),
                T0.minus(Duration.ofMinutes(30)),
                Optional.of("Some Old Client"));

        desk.ingest(Batch.empty().withOwnMessages(List.of(yesterday, halfHourAgo)));

        assertThat(desk.channel(BANK.id()).isActive()).isTrue();
        assertThat(notices).isEmpty();
        assertThat(desk.storage().audit().recent(10))
                .filteredOn(a -> a.action() == AuditAction.ECHO_UNMATCHED)
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.detail()).contains("predates"));

        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("602", "Totally Legit Client"))));
        assertThat(desk.channel(BANK.id()).isActive())
                .as("a fresh post from an unknown app is still judged")
                .isFalse();
    }

    @Test
    void defaultGuardOnlyAuditsUnmatchedPosts() {
        CareDesk desk = desk().build();
        desk.ingest(Batch.empty().withOwnMessages(List.of(echo("1", "Whatever"))));
        assertThat(desk.channel(BANK.id()).isActive()).isTrue();
        assertThat(notices).isEmpty();
        assertThat(desk.storage().audit().recent(5))
                .extracting(AuditEntry::action)
                .contains(AuditAction.ECHO_UNMATCHED);
    }

    @Test
    void replyOverTheRateCapIsHeldNotFailedAndGoesOutWhenASlotFrees() {
        CareDesk desk = desk().publishingGuard(PublishingGuard.builder()
                        .rateCap(2, Duration.ofHours(1))
                        .build())
                .build();
        for (String u : List.of("u1", "u2", "u3")) {
            desk.reply(claimedConversation(desk, u), AB, "We're on it ^AB");
        }
        DispatchResult first = desk.dispatchOutbox();
        assertThat(first).isEqualTo(new DispatchResult(2, 1, 0));
        assertThat(desk.storage().outbox().queued(BANK.id())).singleElement().satisfies(r -> {
            DeliveryStatus.Queued q = (DeliveryStatus.Queued) r.status();
            assertThat(q.lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("outbound rate cap of 2 per PT1H"));
            assertThat(q.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        });
        clock.advance(Duration.ofMinutes(30));
        assertThat(desk.dispatchOutbox().total())
                .as("not due before the slot frees")
                .isZero();
        clock.advance(Duration.ofMinutes(30));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(published).hasSize(3);
    }

    @Test
    void replyLinkingOffTheAllowListFailsWithTheReason() {
        CareDesk desk = desk().publishingGuard(PublishingGuard.builder()
                        .links(LinkPolicy.allowOnly(Set.of("bank.example")))
                        .build())
                .build();
        ConversationId phishy = claimedConversation(desk, "u1");
        desk.reply(phishy, AB, "Card help is here: https://bank-secure-login.xyz/reset ^AB");
        ConversationId fine = claimedConversation(desk, "u2");
        desk.reply(fine, AB, "Card help: https://www.bank.example/cards ^AB");

        assertThat(desk.dispatchOutbox()).isEqualTo(new DispatchResult(1, 0, 1));
        assertThat(desk.replies(phishy))
                .singleElement()
                .extracting(Reply::status)
                .isInstanceOfSatisfying(DeliveryStatus.Failed.class, f -> assertThat(f.reason())
                        .contains("https://bank-secure-login.xyz/reset"));
        assertThat(desk.history(phishy))
                .extracting(AuditEntry::action)
                .contains(AuditAction.COMPLIANCE_BLOCKED, AuditAction.REPLY_FAILED);
        assertThat(published).singleElement().extracting(Reply::conversation).isEqualTo(fine);
    }
}
