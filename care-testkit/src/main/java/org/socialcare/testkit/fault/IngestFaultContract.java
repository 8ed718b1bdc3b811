package org.socialcare.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.TestData;

/**
 * A desk stopped at any ingest step and restarted on the same storage stores every inbound message exactly once.
 * The steps: after the fetch, before anything is stored; mid-batch (the connection drops after some messages of
 * the batch were written); after the batch is stored, before its checkpoint is saved. Each is injected into every
 * page of a three-page backlog in turn. A transactional storage rolls the batch back; a storage that cannot undo
 * (in-memory) keeps part of it and the desk's dedupe by message key must absorb the re-read.
 *
 * <p>The subclass provides {@link #createStorage()}: a fresh, empty storage, called once per case; both the
 * stopped desk and the restarted one use it.
 */
public abstract class IngestFaultContract {
    /** Messages in the backlog. */
    public static final int BACKLOG = 60;
    /** Messages per page. */
    public static final int PAGE = 20;

    /** Where the desk stops. */
    public enum Step {
        AFTER_FETCH_BEFORE_STORE,
        MID_BATCH_CONNECTION_LOSS,
        AFTER_STORE_BEFORE_CHECKPOINT
    }

    /** A fresh, empty storage. */
    protected abstract CareStorage createStorage();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Step step : Step.values()) {
            for (int page = 0; page < BACKLOG / PAGE; page++) {
                out.add(Arguments.of(step, page));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on page {1}")
    @MethodSource("cases")
    void aDeskStoppedAtThisStepAndRestartedStoresEveryMessageExactlyOnce(Step step, int page) {
        CareStorage storage = createStorage();
        MutableClock clock = new MutableClock(TestData.T0.plus(Duration.ofHours(2)));
        List<InboundMessage> backlog = backlog();
        ScriptedSource source =
                new ScriptedSource("fault:" + step + ":" + page, TestData.TWITTER_CARE.id(), backlog, PAGE);
        FaultyStorage faulty = new FaultyStorage(storage);
        CareDesk first = desk(faulty.storage(), clock);
        for (int p = 0; p < page; p++) {
            first.poll(source);
        }
        switch (step) {
            case AFTER_FETCH_BEFORE_STORE -> faulty.failInsert(1);
            case MID_BATCH_CONNECTION_LOSS -> faulty.failInsert(PAGE / 2 + 1);
            case AFTER_STORE_BEFORE_CHECKPOINT -> faulty.failCheckpointSave();
        }

        Throwable crash = catchThrowable(() -> first.poll(source));
        CareDesk restarted = desk(storage, clock);
        int polls = 0;
        PollResult r;
        do {
            r = restarted.poll(source);
            polls++;
        } while (r.hasMore() && polls < 20);

        assertThat(crash).as("the injected stop happened").isNotNull();
        assertThat(r.hasMore()).isFalse();
        assertStoredExactlyOnce(storage, backlog);
    }

    private static void assertStoredExactlyOnce(CareStorage storage, List<InboundMessage> backlog) {
        Set<ConversationId> conversations = new HashSet<>();
        for (InboundMessage m : backlog) {
            StoredMessage stored = storage.messages()
                    .find(m.key())
                    .orElseThrow(() -> new AssertionError("lost: " + m.key().messageId()));
            conversations.add(stored.conversation());
        }
        Set<MessageKey> expected = new HashSet<>();
        backlog.forEach(m -> expected.add(m.key()));
        List<MessageKey> inbound = conversations.stream()
                .flatMap(c -> storage.messages().listByConversation(c).stream())
                .map(StoredMessage::key)
                .filter(expected::contains)
                .toList();
        assertThat(inbound)
                .as("each of %d messages stored once", backlog.size())
                .hasSize(backlog.size());
        assertThat(new HashSet<>(inbound)).isEqualTo(expected);
    }

    private static List<InboundMessage> backlog() {
        List<Party> customers = List.of(TestData.customer(), TestData.customer(), TestData.customer());
        List<InboundMessage> out = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            out.add(TestData.inbound(
                    TestData.TWITTER_CARE,
                    customers.get(i % customers.size()),
                    "@BankCare where is my transfer #" + i,
                    TestData.T0.plusSeconds(i)));
        }
        return out;
    }

    private static CareDesk desk(CareStorage storage, MutableClock clock) {
        return CareDesk.builder()
                .clock(clock)
                .storage(storage)
                .team(Team.of(TestData.CARE_TEAM.value(), "Care"))
                .channel(TestData.TWITTER_CARE)
                .receiveOnly(TestData.TWITTER_CARE.id())
                .build();
    }
}
