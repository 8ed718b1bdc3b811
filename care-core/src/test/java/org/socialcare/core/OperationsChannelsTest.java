package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.MissingPublisherException;
import org.socialcare.core.error.UnknownChannelException;
import org.socialcare.core.memory.InMemoryAuditLog;
import org.socialcare.core.memory.InMemoryCheckpointStore;
import org.socialcare.core.memory.InMemoryConversationStore;
import org.socialcare.core.memory.InMemoryDeadLetterStore;
import org.socialcare.core.memory.InMemoryMessageStore;
import org.socialcare.core.memory.InMemoryOutbox;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.memory.InMemoryTransactionManager;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.Operations;
import org.socialcare.core.port.out.AuditLog;
import org.socialcare.core.port.out.CareStorage;

/**
 * An operator adds and retires channels on a running desk: an added channel is ingested, routed and published at
 * once; one without a publisher is refused naming it; one with replies still to send cannot be retired; a retired one
 * reads and sends nothing more but keeps its history; messages that came for a channel before it was added are
 * reprocessed from their dead letters; concurrent ingest and dispatch lose nothing while channels come and go.
 */
class OperationsChannelsTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final TeamId CARE = TeamId.of("care");
    static final TeamId CARDS = TeamId.of("cards");
    static final Platform WEBCHAT = Platform.of("webchat");
    static final Channel ASK_BANK =
            Channel.of("askbank", Platform.TWITTER, "AskBank", "9000", ChannelKind.DEDICATED_CARE, CARE);
    static final Channel CARDS_CHANNEL =
            Channel.of("cards", Platform.TWITTER, "BankCards", "9100", ChannelKind.BUSINESS_UNIT, CARDS);
    static final ChannelId CARDS_ID = CARDS_CHANNEL.id();
    static final AgentId ALICE = AgentId.of("alice");
    static final AgentId CARLA = AgentId.of("carla");

    final MutableClock clock = new MutableClock(T0);
    final TestPublisher twitter = TestPublisher.on(Platform.TWITTER);
    final CareStorage storage = InMemoryStorage.create();
    final AtomicInteger tweets = new AtomicInteger(1000);
    final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .storage(storage)
            .team(Team.of("care", "Social care"))
            .team(Team.of("cards", "Cards"))
            .channel(ASK_BANK)
            .publisher(twitter)
            .agent(Agent.of("alice", "Alice Brown", "AB", CARE).withCapacity(1000))
            .agent(Agent.of("carla", "Carla Diaz", "CD", CARDS).withCapacity(1000))
            .build();

    InboundMessage tweetOn(ChannelId channel, String author) {
        return OpsFixtures.tweetFrom(
                String.valueOf(tweets.incrementAndGet()),
                channel.value(),
                Party.of(author, "@" + author),
                "My card was declined at the shop, what is going on?",
                clock.instant());
    }

    List<AuditEntry> operatorLines() {
        return storage.audit().recent(100_000).stream()
                .filter(e -> e.actor().startsWith("operator:"))
                .toList();
    }

    ConversationId writeOn(ChannelId channel, String author) {
        IngestResult r = desk.ingest(Batch.of(List.of(tweetOn(channel, author))));
        assertThat(r.stored()).as("stored on " + channel).isEqualTo(1);
        return r.touched().get(0);
    }

    @Test
    void aChannelAddedAtRunTimeIsIngestedRoutedToItsTeamAndPublishedWithItsPlatformsPublisher() {
        Channel added = desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");

        assertThat(added).isEqualTo(CARDS_CHANNEL);
        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id(), CARDS_ID);
        ConversationId c = writeOn(CARDS_ID, "u1");
        assertThat(desk.queue(CARDS, 10)).extracting(Conversation::id).containsExactly(c);
        desk.claim(c, CARLA);
        Reply reply = desk.reply(c, CARLA, "Sorry about that, please DM us ^CD");

        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(twitter.published).extracting(Reply::id).containsExactly(reply.id());
        assertThat(operatorLines()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("operator:kim");
            assertThat(e.action()).isEqualTo(AuditAction.CHANNEL_ADDED);
            assertThat(e.channel()).contains(CARDS_ID);
            assertThat(e.detail()).isEqualTo("channel cards on twitter (BankCards) added for team cards");
        });
    }

    @Test
    void aChannelWithNoPublisherIsRefusedNamingItAndChangesNothing() {
        Channel chat = Channel.of("webchat-1", WEBCHAT, "Chat", "chat-1", ChannelKind.DEDICATED_CARE, CARE);

        assertThatThrownBy(() -> desk.operations().addChannel(chat, Optional.empty(), "kim"))
                .isInstanceOfSatisfying(MissingPublisherException.class, e -> assertThat(e.channel())
                        .isEqualTo(chat.id()))
                .hasMessageContaining("channel 'webchat-1' on webchat has no publisher");
        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id());
        assertThat(operatorLines()).isEmpty();

        assertThatThrownBy(() ->
                        desk.operations().addChannel(chat, Optional.of(TestPublisher.on(Platform.FACEBOOK)), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("publishes on facebook");
        assertThatThrownBy(() -> desk.operations()
                        .addChannel(chat.withBusinessUnit("x").paused(), Optional.of(TestPublisher.on(WEBCHAT)), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.operations().addChannel(ASK_BANK, Optional.empty(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("channel 'askbank' exists already");
        Channel orphan = Channel.of("orphan", Platform.TWITTER, "Orphan", "9200", ChannelKind.BRAND, TeamId.of("none"));
        assertThatThrownBy(() -> desk.operations().addChannel(orphan, Optional.empty(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown team 'none'");
        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id());
        assertThat(operatorLines()).isEmpty();

        TestPublisher own = TestPublisher.on(WEBCHAT);
        desk.operations().addChannel(chat, Optional.of(own), "kim");
        ConversationId c = desk.ingest(Batch.of(List.of(
                        InboundMessage.builder(MessageKey.of(WEBCHAT, "w1"), chat.id(), Party.of("v1", "visitor"))
                                .text("Hello, is anyone there?")
                                .createdAt(clock.instant())
                                .build())))
                .touched()
                .get(0);
        desk.claim(c, ALICE);
        desk.sendPrivate(c, ALICE, "Yes, how can I help? ^AB");
        desk.dispatchOutbox();
        assertThat(own.published).hasSize(1);
        assertThat(operatorLines())
                .extracting(AuditEntry::detail)
                .containsExactly("channel webchat-1 on webchat (Chat) added for team care, with its own publisher");
    }

    @Test
    void aReceiveOnlyChannelNeedsNoPublisherAndRefusesReplies() {
        Channel listening = Channel.of("listen", WEBCHAT, "Listen", "l-1", ChannelKind.BRAND, CARE);
        desk.operations().addReceiveOnlyChannel(listening, "kim");

        ConversationId c = desk.ingest(Batch.of(List.of(
                        InboundMessage.builder(MessageKey.of(WEBCHAT, "l1"), listening.id(), Party.of("v1", "visitor"))
                                .text("Your branch was closed today")
                                .createdAt(clock.instant())
                                .build())))
                .touched()
                .get(0);
        desk.claim(c, ALICE);

        assertThatThrownBy(() -> desk.sendPrivate(c, ALICE, "Sorry ^AB"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("receive-only");
        assertThat(operatorLines())
                .extracting(AuditEntry::detail)
                .singleElement()
                .asString()
                .endsWith("receive-only");
    }

    @Test
    void aChannelWithRepliesStillToSendCannotBeRetiredUntilTheyAreSent() {
        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        ConversationId c = writeOn(CARDS_ID, "u1");
        desk.claim(c, CARLA);
        desk.pauseChannel(CARDS_ID, "checking the account", "kim");
        Reply waiting = desk.reply(c, CARLA, "We are on it ^CD");
        desk.dispatchOutbox();

        assertThatThrownBy(() -> desk.operations().retireChannel(CARDS_ID, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("channel 'cards' still has replies to send: 1 queued in the outbox (oldest "
                        + waiting.id() + ")");
        assertThat(desk.channels()).extracting(Channel::id).contains(CARDS_ID);
        assertThat(desk.queue(CARDS, 10)).isEmpty();
        assertThat(operatorLines()).extracting(AuditEntry::action).containsExactly(AuditAction.CHANNEL_ADDED);
        ConversationId later = writeOn(CARDS_ID, "u2");
        assertThat(desk.queue(CARDS, 10)).extracting(Conversation::id).containsExactly(later);

        desk.resumeChannel(CARDS_ID, "kim");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        Channel retired = desk.operations().retireChannel(CARDS_ID, "kim");

        assertThat(retired.id()).isEqualTo(CARDS_ID);
        assertThat(operatorLines())
                .filteredOn(e -> e.action() == AuditAction.CHANNEL_RETIRED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("operator:kim");
                    assertThat(e.channel()).contains(CARDS_ID);
                    assertThat(e.detail()).isEqualTo("channel cards on twitter (BankCards) retired");
                });
    }

    @Test
    void aRetiredChannelTakesNoNewMessagesOrRepliesButKeepsItsConversationsReadable() {
        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        ConversationId c = writeOn(CARDS_ID, "u1");
        desk.claim(c, CARLA);

        desk.operations().retireChannel(CARDS_ID, "kim");

        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id());
        assertThat(desk.channel(CARDS_ID)).isEqualTo(CARDS_CHANNEL);
        assertThat(desk.messages(c)).hasSize(1);
        IngestResult after = desk.ingest(Batch.of(List.of(tweetOn(CARDS_ID, "u1"))));
        assertThat(after.stored()).isZero();
        assertThat(after.deadLettered()).isEqualTo(1);
        assertThat(desk.messages(c)).hasSize(1);
        assertThatThrownBy(() -> desk.reply(c, CARLA, "Still there? ^CD"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("channel 'cards', which an operator retired");
        assertThat(desk.resolve(c, CARLA).state().name()).isEqualTo("RESOLVED");
        assertThat(desk.sweep().hasMore()).isFalse();
        assertThatThrownBy(() -> desk.operations().retireChannel(CARDS_ID, "kim"))
                .isInstanceOf(UnknownChannelException.class);
    }

    @Test
    void aReplyThatReachesARetiredChannelsOutboxFailsVisiblyWithTheReason() {
        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        ConversationId c = writeOn(CARDS_ID, "u1");
        desk.operations().retireChannel(CARDS_ID, "kim");
        // as when a reply is enqueued at the very moment of the retirement's check
        Reply late = Reply.queued(
                ReplyId.of("late-1"),
                c,
                CARDS_ID,
                ReplyKind.PUBLIC_REPLY,
                Optional.of(desk.messages(c).get(0).key().messageId()),
                Optional.empty(),
                "We are on it ^CD",
                Optional.of(CARLA),
                clock.instant());
        storage.transactions().run(() -> storage.outbox().enqueue(late));

        assertThat(desk.dispatchOutbox().failed()).isEqualTo(1);

        assertThat(twitter.published).isEmpty();
        assertThat(desk.operations().failedReplies(Optional.empty(), 10))
                .singleElement()
                .satisfies(r -> assertThat(((DeliveryStatus.Failed) r.status()).reason())
                        .contains("channel cards was retired by an operator; the reply was not sent"));
        assertThatThrownBy(() -> desk.operations().retryFailedReply(late.id(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("which an operator retired: add the channel again");

        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        desk.operations().retryFailedReply(late.id(), "kim");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(twitter.published).extracting(Reply::id).containsExactly(late.id());
    }

    @Test
    void aRetiredChannelCanBeAddedAgainAndItsConversationsCarryOn() {
        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        ConversationId c = writeOn(CARDS_ID, "u1");
        desk.operations().retireChannel(CARDS_ID, "kim");
        Channel onFacebook = new Channel(
                CARDS_ID,
                Platform.FACEBOOK,
                "BankCards",
                "fb-1",
                ChannelKind.BUSINESS_UNIT,
                CARDS,
                Optional.empty(),
                CARDS_CHANNEL.state());
        assertThatThrownBy(() -> desk.operations()
                        .addChannel(onFacebook, Optional.of(TestPublisher.on(Platform.FACEBOOK)), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("was retired on twitter");

        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "lee");
        desk.claim(c, CARLA);
        desk.reply(c, CARLA, "Back with you ^CD");

        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(operatorLines())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.CHANNEL_ADDED, AuditAction.CHANNEL_RETIRED, AuditAction.CHANNEL_ADDED);
    }

    @Test
    void aMessageThatCameForAChannelBeforeItWasAddedIsIngestedFromItsDeadLetterOnce() {
        // a user id that looks like a card number must come back exact; the card number in the text stays masked
        Party author = new Party("4111111111111111", "ann_k", Optional.of("Ann K"), 5400, true);
        InboundMessage early = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "5500005555555559"), CARDS_ID, author)
                .text("Charged twice on 4111 1111 1111 1111, help!")
                .visibility(Visibility.PUBLIC)
                .inReplyTo("1700")
                .createdAt(clock.instant())
                .language("en")
                .build();
        assertThat(desk.ingest(Batch.of(List.of(early))).deadLettered()).isEqualTo(1);
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);
        assertThat(letter.reason()).contains("names channel 'cards', which this desk does not have");
        assertThat(letter.rawPayload())
                .startsWith("inbound PUBLIC message twitter:")
                .doesNotContain("4111 1111 1111 1111");
        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter(letter.id(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("channels [cards], which this desk does not have")
                .hasMessageContaining("add the channel");

        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        IngestResult reprocessed = desk.operations().reprocessDeadLetter(letter.id(), "kim");

        assertThat(reprocessed.stored()).isEqualTo(1);
        StoredMessage stored = storage.messages().find(early.key()).orElseThrow();
        assertThat(stored.authorId()).isEqualTo("4111111111111111");
        assertThat(stored.authorHandle()).isEqualTo("ann_k");
        assertThat(stored.channel()).isEqualTo(CARDS_ID);
        assertThat(stored.inReplyTo()).contains("1700");
        assertThat(stored.createdAt()).isEqualTo(early.createdAt());
        assertThat(stored.text()).startsWith("Charged twice on ").doesNotContain("4111 1111 1111 1111");
        assertThat(desk.conversation(stored.conversation()).orElseThrow().customer())
                .as("display name, followers and verified come back too")
                .isEqualTo(author);
        assertThat(desk.operations().deadLetters(Optional.empty(), 10)).isEmpty();
        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter(letter.id(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("reprocessed already");
        assertThat(operatorLines())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.CHANNEL_ADDED, AuditAction.DEAD_LETTER_REPROCESSED);
    }

    @Test
    void aChannelChangeWhoseAuditLineCannotBeWrittenIsUndone() {
        InMemoryAuditLog kept = new InMemoryAuditLog();
        AtomicBoolean auditDown = new AtomicBoolean();
        AuditLog audit = new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                if (auditDown.get()) {
                    throw new IllegalStateException("audit table unavailable");
                }
                kept.append(entry);
            }

            @Override
            public List<AuditEntry> forConversation(ConversationId conversation) {
                return kept.forConversation(conversation);
            }

            @Override
            public List<AuditEntry> recent(int limit) {
                return kept.recent(limit);
            }
        };
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .storage(new CareStorage(
                        new InMemoryConversationStore(),
                        new InMemoryMessageStore(),
                        new InMemoryOutbox(),
                        audit,
                        new InMemoryCheckpointStore(),
                        new InMemoryDeadLetterStore(),
                        new InMemoryTransactionManager()))
                .team(Team.of("care", "Social care"))
                .team(Team.of("cards", "Cards"))
                .channel(ASK_BANK)
                .publisher(twitter)
                .agent(Agent.of("alice", "Alice Brown", "AB", CARE))
                .build();
        TestPublisher own = TestPublisher.on(Platform.TWITTER);

        auditDown.set(true);
        assertThatThrownBy(() -> desk.operations().addChannel(CARDS_CHANNEL, Optional.of(own), "kim"))
                .hasMessageContaining("audit table unavailable");
        auditDown.set(false);
        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id());
        assertThat(desk.ingest(Batch.of(List.of(tweetOn(CARDS_ID, "u1")))).deadLettered())
                .isEqualTo(1);

        desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
        auditDown.set(true);
        assertThatThrownBy(() -> desk.operations().retireChannel(CARDS_ID, "kim"))
                .hasMessageContaining("audit table unavailable");
        auditDown.set(false);
        assertThat(desk.channels()).extracting(Channel::id).containsExactly(ASK_BANK.id(), CARDS_ID);
        ConversationId c = desk.ingest(Batch.of(List.of(tweetOn(CARDS_ID, "u2"))))
                .touched()
                .get(0);
        desk.claim(c, ALICE);
        desk.reply(c, ALICE, "On it ^AB");
        desk.dispatchOutbox();
        assertThat(own.published).as("the publisher of the undone addition").isEmpty();
        assertThat(twitter.published).hasSize(1);
    }

    @Test
    void aTeamWhoseConversationAnotherTeamsAgentHoldsCannotBeRetired() {
        desk.operations().addTeam(Team.of("vip", "VIP"), "kim");
        Channel vip = Channel.of("vip", Platform.TWITTER, "BankVip", "9300", ChannelKind.BRAND, TeamId.of("vip"));
        desk.operations().addChannel(vip, Optional.empty(), "kim");
        ConversationId c = writeOn(vip.id(), "u1");
        desk.claim(c, ALICE); // alice is of team care
        desk.operations().retireChannel(vip.id(), "kim");

        assertThatThrownBy(() -> desk.operations().retireTeam(TeamId.of("vip"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("1 active conversation(s) of the team held by agents of other teams [" + c
                        + " (held by alice)]");

        desk.resolve(c, ALICE);
        desk.operations().retireTeam(TeamId.of("vip"), "kim");
        assertThat(desk.teams()).extracting(Team::id).doesNotContain(TeamId.of("vip"));
    }

    @Test
    void channelsAddedAndRetiredWhileOtherThreadsIngestReplyAndDispatchLoseNothing() throws Exception {
        int messages = 400;
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger deadLettered = new AtomicInteger();
        AtomicInteger refusedReplies = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(3);
        List<MessageKey> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sent.add(MessageKey.of(Platform.TWITTER, "c" + i));
        }
        Thread ingest = new Thread(() -> {
            started.countDown();
            try {
                for (int i = 0; i < messages; i++) {
                    ChannelId on = i % 2 == 0 ? CARDS_ID : ASK_BANK.id();
                    InboundMessage m = InboundMessage.builder(sent.get(i), on, Party.of("u" + (i % 25), "@u" + i))
                            .text("message " + i)
                            .createdAt(clock.instant())
                            .build();
                    IngestResult r = desk.ingest(Batch.of(List.of(m)));
                    stored.addAndGet(r.stored());
                    deadLettered.addAndGet(r.deadLettered());
                }
            } catch (Throwable e) {
                unexpected.add(e);
            }
        });
        Thread work = new Thread(() -> {
            started.countDown();
            while (!done.get()) {
                for (TeamId team : List.of(CARE, CARDS)) {
                    AgentId agent = team.equals(CARE) ? ALICE : CARLA;
                    for (Conversation c : desk.queue(team, 5)) {
                        try {
                            desk.claim(c.id(), agent);
                            desk.reply(c.id(), agent, "On it ^X");
                        } catch (CareException e) {
                            if (!String.valueOf(e.getMessage()).contains("which an operator retired")
                                    && !(e instanceof org.socialcare.core.error.ConcurrentUpdateException)
                                    && !(e instanceof org.socialcare.core.error.AlreadyClaimedException)) {
                                unexpected.add(e);
                            } else {
                                refusedReplies.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                }
            }
        });
        Thread dispatch = new Thread(() -> {
            started.countDown();
            while (!done.get()) {
                try {
                    desk.dispatchOutbox();
                } catch (Throwable e) {
                    unexpected.add(e);
                }
            }
        });
        ingest.start();
        work.start();
        dispatch.start();
        started.await();
        int adds = 0;
        int retires = 0;
        int refusals = 0;
        boolean active = false;
        while (ingest.isAlive()) {
            try {
                if (active) {
                    desk.operations().retireChannel(CARDS_ID, "kim");
                    retires++;
                    active = false;
                } else {
                    desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
                    adds++;
                    active = true;
                }
            } catch (CareException e) {
                assertThat(e).hasMessageContaining("still has replies to send");
                refusals++;
            }
            Thread.sleep(1);
        }
        ingest.join(TimeUnit.SECONDS.toMillis(30));
        done.set(true);
        work.join(TimeUnit.SECONDS.toMillis(30));
        dispatch.join(TimeUnit.SECONDS.toMillis(30));
        if (!active) {
            desk.operations().addChannel(CARDS_CHANNEL, Optional.empty(), "kim");
            adds++;
        }

        assertThat(unexpected).isEmpty();
        assertThat(adds).as("the channel came and went while the others worked").isGreaterThan(1);
        assertThat(stored.get() + deadLettered.get()).isEqualTo(messages);
        // every message that came while the channel was away is in a dead letter, and reprocessing brings it in
        List<DeadLetter> letters = desk.operations().deadLetters(Optional.empty(), Operations.MAX_PAGE);
        assertThat(letters).hasSize(deadLettered.get());
        letters.forEach(l -> desk.operations().reprocessDeadLetter(l.id(), "kim"));
        assertThat(sent).allSatisfy(k -> assertThat(storage.messages().find(k)).isPresent());
        // no reply is lost: each one is sent, or failed with the retirement as its reason
        desk.dispatchOutbox();
        List<Reply> replies = new ArrayList<>();
        for (Conversation c : List.copyOf(conversations())) {
            replies.addAll(desk.replies(c.id()));
        }
        assertThat(replies).allSatisfy(r -> assertThat(r.status())
                .satisfiesAnyOf(
                        s -> assertThat(s).isInstanceOf(DeliveryStatus.Sent.class),
                        s -> assertThat(((DeliveryStatus.Failed) s).reason()).contains("was retired")));
        assertThat(twitter.published).doesNotHaveDuplicates();
        List<AuditEntry> lines = operatorLines();
        assertThat(lines)
                .filteredOn(e -> e.action() == AuditAction.CHANNEL_ADDED)
                .hasSize(adds);
        assertThat(lines)
                .filteredOn(e -> e.action() == AuditAction.CHANNEL_RETIRED)
                .hasSize(retires);
        assertThat(refusals + retires + adds).isPositive();
    }

    private List<Conversation> conversations() {
        return storage.conversations().openedBetween(T0.minusSeconds(1), T0.plusSeconds(1));
    }
}
