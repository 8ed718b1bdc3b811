package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.NotAssignedException;

/** Who may do what to a conversation, and the checks agent actions make before touching storage. */
class AgentWorkRulesTest {
    private final List<CallbackRequest> callbacks = new ArrayList<>();
    private final Agent sam = Agent.of("sam", "Sam Lee", "SL", DeskFixture.CARE).asSupervisor();
    private final DeskFixture f = new DeskFixture(b -> b.agent(sam).callbackGateway(callbacks::add));
    private final CareDesk desk = f.desk;

    @Test
    void anAgentWhoDoesNotHoldTheConversationCannotResolveIt() {
        ConversationId id = claimedByAlice();
        assertThatThrownBy(() -> desk.resolve(id, f.carl.id()))
                .isInstanceOf(NotAssignedException.class)
                .hasMessageContaining("'carl'")
                .hasMessageContaining("assigned to 'alice'");
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
        assertThat(desk.history(id)).extracting(e -> e.action()).doesNotContain(AuditAction.RESOLVED);
    }

    @Test
    void nobodyButASupervisorResolvesAnUnclaimedConversation() {
        ConversationId id = open();
        assertThatThrownBy(() -> desk.resolve(id, f.alice.id()))
                .isInstanceOf(NotAssignedException.class)
                .hasMessageContaining("not claimed by anyone");
        assertThat(desk.resolve(id, sam.id()).state()).isEqualTo(ConversationState.RESOLVED);
    }

    @Test
    void theHolderOrASupervisorResolves() {
        ConversationId mine = claimedByAlice();
        assertThat(desk.resolve(mine, f.alice.id()).state()).isEqualTo(ConversationState.RESOLVED);
        ConversationId other = desk.ingest(Batch.of(List.of(f.tweet("2", DeskFixture.BEN, "@AskBank app down"))))
                .touched()
                .get(0);
        desk.claim(other, f.carl.id());
        assertThat(desk.resolve(other, sam.id()).state()).isEqualTo(ConversationState.RESOLVED);
        assertThat(desk.history(other))
                .filteredOn(e -> e.action() == AuditAction.RESOLVED)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("agent:sam"));
    }

    @Test
    void escalateAndResumeNameAMissingActor() {
        ConversationId id = open();
        assertThatThrownBy(() -> desk.escalate(id, null, "legal threat"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> desk.escalate(id, " ", "legal threat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.NEW);
        assertThat(f.notices).isEmpty();
        desk.pauseChannel(DeskFixture.TWITTER_CARE, "maintenance");
        assertThatThrownBy(() -> desk.resumeChannel(DeskFixture.TWITTER_CARE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("actor");
        assertThat(desk.channel(DeskFixture.TWITTER_CARE).isActive()).isFalse();
    }

    @Test
    void callbackWithoutANumberOrPreferredTimeIsRejectedBeforeAnythingIsAudited() {
        ConversationId id = claimedByAlice();
        int before = desk.history(id).size();
        assertThatThrownBy(() -> desk.requestCallback(id, f.alice.id(), " ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phoneNumber");
        assertThatThrownBy(() -> desk.requestCallback(id, f.alice.id(), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("phoneNumber");
        assertThatThrownBy(() -> desk.requestCallback(id, f.alice.id(), "07700 900123", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("preferredAt");
        assertThat(desk.history(id)).hasSize(before);
        assertThat(callbacks).isEmpty();
    }

    @Test
    void privateReplyToATweetIsRejectedUpFrontNamingTheAlternative() {
        ConversationId id = claimedByAlice();
        assertThatThrownBy(() -> desk.privateReplyToComment(id, f.alice.id(), "Hi Anna, DM us please"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("twitter")
                .hasMessageContaining("sendPrivate");
        assertThat(desk.replies(id)).isEmpty();
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.OPEN);
    }

    private ConversationId open() {
        return desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
    }

    private ConversationId claimedByAlice() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        f.advance(Duration.ofMinutes(1));
        return id;
    }
}
