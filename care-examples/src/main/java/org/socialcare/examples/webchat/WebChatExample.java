package org.socialcare.examples.webchat;

import java.io.PrintStream;
import java.time.Instant;
import org.socialcare.core.CareDesk;
import org.socialcare.core.PollingScheduler;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;

/**
 * Runnable walk through the web chat channel: starts a local {@link WebChatServer}, wires
 * {@link WebChatChannelSource} and {@link WebChatPublisher} into a {@link CareDesk}, lets a customer chat, an
 * agent answer, and prints what the chat server received. Run with
 * {@code java -cp care-examples/target/care-demo.jar org.socialcare.examples.webchat.WebChatExample}.
 */
public final class WebChatExample {
    private WebChatExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    /** Plays the exchange, printing each step to {@code out}. */
    public static void run(PrintStream out) {
        String secret = "example-shared-secret"; // in production: from the bank's secret store
        TeamId care = TeamId.of("chat-care");
        try (WebChatServer server = WebChatServer.start(secret)) {
            WebChatSettings settings =
                    WebChatSettings.builder(server.baseUri(), secret).build();
            Channel chat = Channel.of(
                    "webchat-bank",
                    WebChatSettings.PLATFORM,
                    "bank.example/chat",
                    "bank",
                    ChannelKind.DEDICATED_CARE,
                    care);
            Agent alice = Agent.of("alice", "Alice Brown", "AB", care);
            CareDesk desk = CareDesk.builder()
                    .team(Team.of("chat-care", "Chat care"))
                    .channel(chat)
                    .agent(alice)
                    .publisher(new WebChatPublisher(settings))
                    .build();
            try (PollingScheduler scheduler = PollingScheduler.builder(desk)
                    .source(new WebChatChannelSource(settings, chat.id()))
                    .build()) {
                out.println("web chat server on " + server.baseUri());
                server.customerWrites(
                        "s-4711", "Anna K.", "My card was blocked at the till, can you help?", Instant.now());
                out.println("customer (session s-4711): My card was blocked at the till, can you help?");

                ConversationId id = scheduler.runDuePass().touched().get(0);
                out.println("desk polled the chat: conversation " + id + " opened in the team queue");

                desk.claim(id, alice.id());
                desk.sendPrivate(id, alice.id(), "Hi Anna, I've unblocked it; please try again ^AB");
                out.println("agent alice claimed it and answered; outbox dispatch sent "
                        + desk.dispatchOutbox().sent());

                server.received()
                        .forEach(r -> out.println(
                                "chat server received #" + r.messageId() + " for " + r.sessionId() + ": " + r.text()));
            }
        }
    }
}
