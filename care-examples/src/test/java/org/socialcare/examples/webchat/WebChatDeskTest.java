package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;

/** The web chat channel inside a real {@link CareDesk}: polled by the scheduler, answered through the outbox. */
class WebChatDeskTest {
    private static final String SECRET = "chat-secret-e2e";
    private static final TeamId CARE = TeamId.of("chat-care");
    private final WebChatServer server = WebChatServer.start(SECRET);
    private final WebChatSettings settings =
            WebChatSettings.builder(server.baseUri(), SECRET).build();
    private final Channel chat = Channel.of(
            "webchat-bank", WebChatSettings.PLATFORM, "bank.example/chat", "bank", ChannelKind.DEDICATED_CARE, CARE);
    private final Agent alice = Agent.of("alice", "Alice Brown", "AB", CARE);
    private final CareDesk desk = CareDesk.builder()
            .team(Team.of("chat-care", "Chat care"))
            .channel(chat)
            .agent(alice)
            .publisher(new WebChatPublisher(settings))
            .build();
    private final WebChatChannelSource source = new WebChatChannelSource(settings, chat.id());
    private final PollingScheduler scheduler =
            PollingScheduler.builder(desk).source(source).build();

    @AfterEach
    void stop() {
        scheduler.close();
        server.close();
    }

    @Test
    void customerChatsAgentAnswersAndTheChatServerReceivesTheReplyWhoseEchoIsMatched() {
        server.customerWrites("s-4711", "Anna K.", "My card was blocked at the till, can you help?", Instant.now());

        IngestResult ingested = scheduler.runDuePass();
        ConversationId id = ingested.touched().get(0);
        desk.claim(id, alice.id());
        desk.sendPrivate(id, alice.id(), "Hi Anna, I've unblocked it; please try again ^AB");
        DispatchResult dispatched = desk.dispatchOutbox();

        assertThat(ingested.opened()).isEqualTo(1);
        assertThat(dispatched.sent()).isEqualTo(1);
        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.sessionId()).isEqualTo("s-4711");
            assertThat(r.text()).isEqualTo("Hi Anna, I've unblocked it; please try again ^AB");
        });
        Reply sent = desk.replies(id).get(0);
        assertThat(sent.isSent()).isTrue();
        assertThat(sent.platformMessageId()).contains(server.received().get(0).messageId());

        IngestResult echo = desk.poll(source).ingested(); // the scheduler would wait the poll interval first
        Conversation c = desk.conversation(id).orElseThrow();
        assertThat(echo.echoes()).isEqualTo(1);
        assertThat(echo.stored()).isZero();
        assertThat(c.customerMessageCount()).isEqualTo(1);
        assertThat(c.hasPrivateLeg()).isTrue();
        assertThat(desk.history(id)).extracting(AuditEntry::action).contains(AuditAction.ECHO_MATCHED);
        assertThat(desk.messages(id)).allSatisfy(m -> assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE));
    }

    @Test
    void laterMessagesOfTheSessionJoinItsConversationAndABadItemBecomesADeadLetter() {
        server.customerWrites("s-4711", "Anna K.", "My card was blocked", Instant.now());
        ConversationId id = desk.poll(source).ingested().touched().get(0);
        String bad = "{\"seq\":2,\"sessionId\":\"s-4711\",\"from\":\"customer\",\"name\":\"Anna K.\"}";
        server.appendRawItem(bad);
        server.customerWrites("s-4711", "Anna K.", "It works again, thanks", Instant.now());

        IngestResult second = desk.poll(source).ingested();

        assertThat(second.touched()).containsExactly(id);
        assertThat(second.deadLettered()).isEqualTo(1);
        assertThat(desk.conversation(id).orElseThrow().customerMessageCount()).isEqualTo(2);
        assertThat(desk.storage().deadLetters().recent(10)).singleElement().satisfies(d -> assertThat(d.rawPayload())
                .isEqualTo(bad));
    }

    @Test
    void signedPushIsIngestedAndAnUnsignedOneIsRefused() {
        WebChatWebhookHandler hook = new WebChatWebhookHandler(settings, chat.id());
        String body = "{\"messages\":[{\"seq\":1,\"sessionId\":\"s-5\",\"from\":\"customer\",\"name\":\"Cem\","
                + "\"text\":\"Is the app down?\",\"sentAt\":\"2026-03-02T09:00:00Z\"}]}";
        String signature = new ChatSignature(SECRET).sign(Instant.now(), "POST", "/webhooks/webchat", body);

        WebhookResult refused = desk.webhook(hook, WebhookRequest.post("/webhooks/webchat", Map.of(), body));
        WebhookResult accepted = desk.webhook(
                hook, WebhookRequest.post("/webhooks/webchat", Map.of(ChatSignature.HEADER, signature), body));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(desk.queue(CARE, 10))
                .singleElement()
                .satisfies(c -> assertThat(c.customer().platformUserId()).isEqualTo("s-5"));
    }

    @Test
    void pausedChannelSendsNothingUntilResumed() {
        server.customerWrites("s-9", "Ben", "Someone used my card abroad", Instant.now());
        ConversationId id = scheduler.runDuePass().touched().get(0);
        desk.claim(id, alice.id());
        desk.pauseChannel(chat.id(), "suspicious login on the chat console");
        desk.sendPrivate(id, alice.id(), "We've frozen the card, Ben ^AB");

        DispatchResult whilePaused = desk.dispatchOutbox();

        assertThat(whilePaused.sent()).isZero();
        assertThat(server.received()).isEmpty();
        assertThat(desk.replies(id)).singleElement().satisfies(r -> assertThat(r.isQueued())
                .isTrue());

        desk.resumeChannel(chat.id(), "supervisor");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(server.received())
                .extracting(WebChatServer.AgentReply::text)
                .containsExactly("We've frozen the card, Ben ^AB");
    }
}
