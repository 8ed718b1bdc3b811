package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.CheckpointStore;
import org.socialcare.core.port.out.WebhookHandler;

/** Ingest keeps conversations workable and storage whole whatever arrives. */
class ReopenAndIngestRobustnessTest {
    private final DeskFixture f = new DeskFixture();
    private final CareDesk desk = f.desk;

    // ---------------------------------------------------------------- review #9: reopen with an offline agent

    @Test
    void reopenedConversationOfAnOfflineAgentWaitsInTheTeamQueue() {
        ConversationId id = resolvedByAlice(desk, f);
        desk.setPresence(f.alice.id(), Presence.OFFLINE);
        f.advance(Duration.ofDays(1));
        desk.ingest(Batch.of(List.of(f.tweet("5", ANNA, "it happened again"))));

        Conversation c = desk.conversation(id).orElseThrow();
        assertThat(c.state()).isEqualTo(ConversationState.OPEN);
        assertThat(c.assignee()).isEmpty();
        assertThat(desk.queue(DeskFixture.CARE, 10))
                .extracting(Conversation::id)
                .containsExactly(id);
        assertThat(desk.history(id))
                .filteredOn(e -> e.action() == AuditAction.UNASSIGNED)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("alice").contains("not online"));
    }

    @Test
    void reopenedConversationOfAnOfflineAgentIsRoutedToAnAgentWhoIsOnline() {
        DeskFixture g = new DeskFixture(
                b -> b.routing(RoutingPolicy.builder().autoAssign(true).build()));
        g.desk.setPresence(g.carl.id(), Presence.OFFLINE);
        ConversationId id = resolvedByAlice(g.desk, g);
        g.desk.setPresence(g.carl.id(), Presence.ONLINE);
        g.desk.setPresence(g.alice.id(), Presence.OFFLINE);
        g.advance(Duration.ofDays(1));
        g.desk.ingest(Batch.of(List.of(g.tweet("5", ANNA, "it happened again"))));
        assertThat(g.desk.conversation(id).orElseThrow().assignee()).contains(g.carl.id());
    }

    @Test
    void reopenedConversationStaysWithItsAgentWhileTheyAreOnline() {
        ConversationId id = resolvedByAlice(desk, f);
        f.advance(Duration.ofDays(1));
        desk.ingest(Batch.of(List.of(f.tweet("5", ANNA, "it happened again"))));
        assertThat(desk.conversation(id).orElseThrow().assignee()).contains(f.alice.id());
        assertThat(desk.history(id)).extracting(e -> e.action()).doesNotContain(AuditAction.UNASSIGNED);
    }

    // ---------------------------------------------------------------- review #7: nothing half-written

    @Test
    void aMessageWhoseIngestFailsMidwayIsNotKeptSoItsRetryIngestsItFully() {
        AtomicInteger idCalls = new AtomicInteger();
        AtomicInteger failOnCall = new AtomicInteger(-1);
        DeskFixture g = new DeskFixture(b -> b.ids(() -> {
                    int n = idCalls.incrementAndGet();
                    if (n == failOnCall.get()) {
                        throw new IllegalStateException("id service unavailable");
                    }
                    return "g-" + n;
                })
                .messagePolicies(MessagePolicies.builder()
                        .moderatedPlatforms(Set.of(Platform.TWITTER))
                        .build()));
        InboundMessage leak = g.tweet("7", ANNA, "@AskBank my card is 4539 1488 0343 6467 and it was charged twice");
        Checkpoint cp = new Checkpoint("twitter:AskBank:mentions", "7");
        failOnCall.set(idCalls.get() + 2); // the conversation gets its id, the hide action's id fails (after threading)

        assertThatThrownBy(() -> g.desk.ingest(Batch.of(List.of(leak)).withCheckpoint(cp)))
                .hasMessageContaining("id service unavailable");
        assertThat(g.desk.storage().messages().find(leak.key())).isEmpty();
        assertThat(g.desk.storage()
                        .conversations()
                        .findLatestOfCustomer(DeskFixture.TWITTER_CARE, ANNA.platformUserId()))
                .isEmpty();
        assertThat(g.desk.storage().checkpoints().load(cp.sourceId())).isEmpty();

        IngestResult retried = g.desk.ingest(Batch.of(List.of(leak)).withCheckpoint(cp));
        assertThat(retried.stored()).isEqualTo(1);
        assertThat(retried.opened()).isEqualTo(1);
        ConversationId id = retried.touched().get(0);
        assertThat(g.desk.messages(id)).extracting(m -> m.key()).containsExactly(leak.key());
        assertThat(g.desk.replies(id)).extracting(Reply::kind).containsExactly(ReplyKind.HIDE_COMMENT);
    }

    // ---------------------------------------------------------------- review #8: bad input never throws

    @Test
    void messagesAndEchoesForAChannelTheDeskLacksAreDeadLetteredWhileTheRestOfTheBatchIsStored() {
        InboundMessage foreign = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "9"), ChannelId.of("retired"), DeskFixture.BEN)
                .text("is anyone there?")
                .createdAt(f.clock.instant())
                .build();
        OwnMessage foreignEcho = new OwnMessage(
                MessageKey.of(Platform.TWITTER, "10"),
                ChannelId.of("retired"),
                "We're here",
                Visibility.PUBLIC,
                Optional.of("9"),
                f.clock.instant(),
                Optional.of("care desk"));
        Checkpoint cp = new Checkpoint("twitter:AskBank:mentions", "10");

        IngestResult r = desk.ingest(Batch.of(List.of(foreign, f.tweet("1", ANNA, "@AskBank hello")))
                .withOwnMessages(List.of(foreignEcho))
                .withCheckpoint(cp));

        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.deadLettered()).isEqualTo(2);
        assertThat(r.echoes()).isZero();
        assertThat(desk.queue(DeskFixture.CARE, 10)).hasSize(1);
        assertThat(desk.storage().checkpoints().load(cp.sourceId())).contains(cp);
        assertThat(desk.storage().deadLetters().recent(5))
                .hasSize(2)
                .allSatisfy(d -> {
                    assertThat(d.reason()).contains("'retired'").contains("configured channels are [twitter-care]");
                    assertThat(d.source()).isEqualTo("twitter:retired");
                })
                .anySatisfy(d -> assertThat(d.rawPayload())
                        .contains("twitter:9")
                        .contains("@ben_w")
                        .contains("is anyone there?"))
                .anySatisfy(
                        d -> assertThat(d.rawPayload()).contains("twitter:10").contains("We're here"));
    }

    @Test
    void aWebhookHandlerThatFailsUnexpectedlyHasTheBodyDeadLetteredAndAnswers400() {
        WebhookResult r = desk.webhook(
                handler(body -> {
                    throw new IllegalStateException("bug in the parser");
                }),
                WebhookRequest.post("/hook", Map.of(), "{\"odd\": true}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(desk.storage().deadLetters().recent(5)).singleElement().satisfies(d -> {
            assertThat(d.rawPayload()).isEqualTo("{\"odd\": true}");
            assertThat(d.reason()).contains("IllegalStateException");
            assertThat(d.source()).isEqualTo("webhook:twitter");
        });
    }

    @Test
    void aWebhookForAChannelTheDeskLacksIsAcceptedAndDeadLettered() {
        InboundMessage foreign = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "9"), ChannelId.of("retired"), ANNA)
                .text("hello")
                .createdAt(f.clock.instant())
                .build();
        WebhookResult r = desk.webhook(
                handler(body -> WebhookResult.accepted(List.of(Batch.of(List.of(foreign))))),
                WebhookRequest.post("/hook", Map.of(), "ok"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(desk.storage().deadLetters().recent(5)).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("'retired'"));
    }

    @Test
    void aWebhookWhoseMessagesCannotBeStoredAnswers500SoThePlatformRetries() {
        CareStorage memory = InMemoryStorage.create();
        CheckpointStore broken = new CheckpointStore() {
            @Override
            public Optional<Checkpoint> load(String sourceId) {
                return Optional.empty();
            }

            @Override
            public void save(Checkpoint checkpoint) {
                throw new IllegalStateException("database is down");
            }
        };
        DeskFixture g = new DeskFixture(b -> b.storage(new CareStorage(
                memory.conversations(),
                memory.messages(),
                memory.outbox(),
                memory.audit(),
                broken,
                memory.deadLetters(),
                memory.transactions())));
        WebhookResult r = g.desk.webhook(
                handler(body -> WebhookResult.accepted(List.of(Batch.of(List.of(g.tweet("1", ANNA, "hi")))
                        .withCheckpoint(new Checkpoint("twitter:webhook", "1"))))),
                WebhookRequest.post("/hook", Map.of(), "ok"));
        assertThat(r.status()).isEqualTo(500);
    }

    private static WebhookHandler handler(java.util.function.Function<String, WebhookResult> handle) {
        return new WebhookHandler() {
            @Override
            public Platform platform() {
                return Platform.TWITTER;
            }

            @Override
            public WebhookResult handle(WebhookRequest request) {
                return handle.apply(request.bodyAsString());
            }
        };
    }

    // ---------------------------------------------------------------- helpers

    private static ConversationId resolvedByAlice(CareDesk desk, DeskFixture f) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
        if (desk.conversation(id).orElseThrow().assignee().isEmpty()) {
            desk.claim(id, f.alice.id());
        }
        desk.reply(id, f.alice.id(), "Sorry Anna, we're on it ^AB");
        desk.resolve(id, f.alice.id());
        return id;
    }
}
