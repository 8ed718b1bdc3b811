package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.routing.RoutingPolicy;

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
        assertThat(desk.queue(DeskFixture.CARE, 10)).extracting(Conversation::id).containsExactly(id);
        assertThat(desk.history(id)).filteredOn(e -> e.action() == AuditAction.UNASSIGNED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("alice").contains("not online"));
    }

    @Test
    void reopenedConversationOfAnOfflineAgentIsRoutedToAnAgentWhoIsOnline() {
        DeskFixture g = new DeskFixture(b -> b.routing(RoutingPolicy.builder().autoAssign(true).build()));
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
        DeskFixture g = new DeskFixture(b -> b
                .ids(() -> {
                    int n = idCalls.incrementAndGet();
                    if (n == failOnCall.get()) {
                        throw new IllegalStateException("id service unavailable");
                    }
                    return "g-" + n;
                })
                .messagePolicies(MessagePolicies.builder().moderatedPlatforms(Set.of(Platform.TWITTER)).build()));
        InboundMessage leak = g.tweet("7", ANNA, "@AskBank my card is 4539 1488 0343 6467 and it was charged twice");
        Checkpoint cp = new Checkpoint("twitter:AskBank:mentions", "7");
        failOnCall.set(idCalls.get() + 2); // the conversation gets its id, the hide action's id fails (after threading)

        assertThatThrownBy(() -> g.desk.ingest(Batch.of(List.of(leak)).withCheckpoint(cp))).hasMessageContaining("id service unavailable");
        assertThat(g.desk.storage().messages().find(leak.key())).isEmpty();
        assertThat(g.desk.storage().conversations().findLatestOfCustomer(DeskFixture.TWITTER_CARE, ANNA.platformUserId())).isEmpty();
        assertThat(g.desk.storage().checkpoints().load(cp.sourceId())).isEmpty();

        IngestResult retried = g.desk.ingest(Batch.of(List.of(leak)).withCheckpoint(cp));
        assertThat(retried.stored()).isEqualTo(1);
        assertThat(retried.opened()).isEqualTo(1);
        ConversationId id = retried.touched().get(0);
        assertThat(g.desk.messages(id)).extracting(m -> m.key()).containsExactly(leak.key());
        assertThat(g.desk.replies(id)).extracting(Reply::kind).containsExactly(ReplyKind.HIDE_COMMENT);
    }

    // ---------------------------------------------------------------- helpers

    private static ConversationId resolvedByAlice(CareDesk desk, DeskFixture f) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!")))).touched().get(0);
        if (desk.conversation(id).orElseThrow().assignee().isEmpty()) {
            desk.claim(id, f.alice.id());
        }
        desk.reply(id, f.alice.id(), "Sorry Anna, we're on it ^AB");
        desk.resolve(id, f.alice.id());
        return id;
    }
}
