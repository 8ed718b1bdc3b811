package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;

/**
 * Contract of the kill switch across desks that share one storage and one {@link ChannelStateStore}: a pause on
 * one desk stops every other desk's publishing on the channel once {@link CareDesk#CHANNEL_STATE_MAX_AGE} has
 * passed (the reply stays QUEUED, naming the pause, and the other desk's health listeners see PAUSED); a desk
 * built later starts with the channel PAUSED; a resume on any desk lets the others publish again.
 *
 * <p>The subclass provides {@link #createStorage()} (a fresh, empty storage, called before each test) and
 * {@link #channelStates()} (the channel state store on that storage, asked right after). To give the desks
 * separate connections to one database (as separate nodes have), also override {@link #storageOfDesk} and
 * {@link #channelStatesOfDesk}.
 */
public abstract class SharedKillSwitchContract {
    private static final Agent ANNA = Agent.of(TestData.AGENT_ANNA.value(), "Anna Berg", "AB", TestData.CARE_TEAM);

    private final MutableClock clock = new MutableClock(TestData.T0);
    private final AtomicInteger ids = new AtomicInteger();
    private CareStorage storage;
    private ChannelStateStore states;

    /** A fresh, empty storage the desks of one test share. */
    protected abstract CareStorage createStorage();

    /** The channel state store on the storage last created. */
    protected abstract ChannelStateStore channelStates();

    /** The storage desk number {@code desk} (1, 2, ...) of a test is built on. Default the one storage. */
    protected CareStorage storageOfDesk(int desk) {
        return storage;
    }

    /** The channel state store desk number {@code desk} of a test is built with. Default the one store. */
    protected ChannelStateStore channelStatesOfDesk(int desk) {
        return states;
    }

    @BeforeEach
    void createSharedStorage() {
        storage = createStorage();
        states = channelStates();
    }

    @Test
    void pauseOnOneDeskStopsTheOtherDeskWithinTheBoundAndResumeOnAThirdLetsItPublish() {
        Recording publisherA = new Recording();
        Recording publisherB = new Recording();
        List<ChannelHealth> healthOfB = new CopyOnWriteArrayList<>();
        CareDesk deskA = desk(publisherA);
        CareDesk deskB = desk(publisherB, (before, after) -> healthOfB.add(after));
        ConversationId first = answered(deskA, "We are on it, sorry for the wait ^AB");
        assertThat(deskB.dispatchOutbox().sent())
                .as("desk B publishes while the channel is active")
                .isEqualTo(1);

        deskA.pauseChannel(TestData.TWITTER_CARE.id(), "suspected account hijack", "supervisor:sam");
        ConversationId second = answered(deskA, "Thanks for your patience, we will call you ^AB");
        clock.advance(CareDesk.CHANNEL_STATE_MAX_AGE);

        assertThat(deskB.dispatchOutbox().held()).isEqualTo(1);
        assertThat(publisherB.published).extracting(Reply::conversation).containsExactly(first);
        assertThat(deskA.dispatchOutbox().sent()).isZero();
        assertThat(publisherA.published).isEmpty();
        Reply held = deskB.replies(second).get(0);
        assertThat(held.status()).isInstanceOfSatisfying(DeliveryStatus.Queued.class, q -> assertThat(q.lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("PAUSED")));
        assertThat(deskB.channel(TestData.TWITTER_CARE.id()).state()).isEqualTo(ChannelState.PAUSED);
        assertThat(healthOfB).extracting(ChannelHealth::state).containsExactly(HealthState.PAUSED);
        assertThat(deskB.health(TestData.TWITTER_CARE.id()).lastError())
                .hasValueSatisfying(
                        e -> assertThat(e).contains("suspected account hijack").contains("supervisor:sam"));

        Recording publisherC = new Recording();
        CareDesk restarted = desk(publisherC);
        assertThat(restarted.channel(TestData.TWITTER_CARE.id()).state())
                .as("a desk built later starts paused")
                .isEqualTo(ChannelState.PAUSED);
        assertThat(restarted.health(TestData.TWITTER_CARE.id()).state()).isEqualTo(HealthState.PAUSED);
        assertThat(restarted.dispatchOutbox().sent()).isZero();
        assertThat(publisherC.published).isEmpty();

        restarted.resumeChannel(TestData.TWITTER_CARE.id(), "supervisor:sam");
        clock.advance(CareDesk.CHANNEL_STATE_MAX_AGE);

        assertThat(deskB.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(publisherB.published).extracting(Reply::conversation).containsExactly(first, second);
        assertThat(deskB.replies(second).get(0).isSent()).isTrue();
        assertThat(healthOfB).extracting(ChannelHealth::state).containsExactly(HealthState.PAUSED, HealthState.HEALTHY);
        assertThat(publisherA.published).isEmpty();
        assertThat(publisherC.published).isEmpty();
    }

    @Test
    void pauseIsRecordedInTheStoreWithItsActorAndSurvivesANewDesk() {
        CareDesk deskA = desk(new Recording());

        deskA.pauseChannel(TestData.TWITTER_CARE.id(), "maintenance of the account", "supervisor:sam");

        assertThat(states.state(TestData.TWITTER_CARE.id())).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ChannelState.PAUSED);
            assertThat(r.reason()).contains("maintenance of the account");
            assertThat(r.actor()).isEqualTo("supervisor:sam");
            assertThat(r.changedAt()).isEqualTo(TestData.T0);
        });
        assertThat(desk(new Recording()).channel(TestData.TWITTER_CARE.id()).state())
                .isEqualTo(ChannelState.PAUSED);

        deskA.resumeChannel(TestData.TWITTER_CARE.id(), "supervisor:sam");

        assertThat(states.paused()).isEmpty();
        assertThat(desk(new Recording()).channel(TestData.TWITTER_CARE.id()).state())
                .isEqualTo(ChannelState.ACTIVE);
    }

    private ConversationId answered(CareDesk desk, String text) {
        desk.ingest(Batch.of(List.of(TestData.inbound(
                TestData.TWITTER_CARE, TestData.customer(), "@BankCare where is my card?", clock.instant()))));
        ConversationId id = desk.queue(TestData.CARE_TEAM, 10).get(0).id();
        desk.claim(id, ANNA.id());
        desk.reply(id, ANNA.id(), text);
        return id;
    }

    private CareDesk desk(Recording publisher) {
        return desk(publisher, (before, after) -> {});
    }

    private CareDesk desk(Recording publisher, org.socialcare.core.port.out.ChannelHealthListener listener) {
        int desk = ids.incrementAndGet();
        AtomicInteger replyIds = new AtomicInteger();
        return CareDesk.builder()
                .clock(clock)
                .ids(() -> "desk" + desk + "-" + replyIds.incrementAndGet())
                .storage(storageOfDesk(desk))
                .channelStates(channelStatesOfDesk(desk))
                .team(Team.of(TestData.CARE_TEAM.value(), "Social care"))
                .channel(TestData.TWITTER_CARE)
                .agent(ANNA)
                .publisher(publisher)
                .healthListener(listener)
                .build();
    }

    /** Records what it publishes. */
    private static final class Recording implements ChannelPublisher {
        final List<Reply> published = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger(7000);

        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            published.add(reply);
            return Optional.of(String.valueOf(next.incrementAndGet()));
        }
    }
}
