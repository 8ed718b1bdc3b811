package org.socialcare.examples;

import java.util.List;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.*;
import org.socialcare.core.port.out.ChannelPublisher;

/** The README's embedding example, kept compiling and running by a test. */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    public static Reply run(ChannelPublisher twitter) {
        // README:embedding:start
        TeamId care = TeamId.of("care");
        CareDesk desk = CareDesk.builder() // in-memory storage by default
                .team(Team.of("care", "Social care"))
                .channel(Channel.of("tw", Platform.TWITTER, "AskBank", "900", ChannelKind.DEDICATED_CARE, care))
                .agent(Agent.of("alice", "Alice Brown", "AB", care))
                .publisher(twitter) // e.g. the Twitter adapter's publisher
                .build();

        InboundMessage tweet = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "1"), ChannelId.of("tw"), Party.of("42", "anna"))
                .text("@AskBank on hold for 40 minutes!")
                .createdAt(java.time.Instant.now())
                .build();
        desk.ingest(Batch.of(List.of(tweet))); // dedupe, thread, store, audit

        Conversation next = desk.queue(care, 1).get(0); // highest priority first
        desk.claim(next.id(), AgentId.of("alice"));
        Reply reply = desk.reply(next.id(), AgentId.of("alice"), "So sorry, Anna. We're on it ^AB");
        desk.dispatchOutbox(); // publishes through the outbox
        // README:embedding:end
        return desk.replies(next.id()).get(0);
    }
}
