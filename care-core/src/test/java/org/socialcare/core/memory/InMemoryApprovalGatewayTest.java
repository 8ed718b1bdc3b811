package org.socialcare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.reply.ApprovalRequest;

class InMemoryApprovalGatewayTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static ApprovalRequest request(String id) {
        Reply r = Reply.queued(
                ReplyId.of(id),
                ConversationId.of("c1"),
                ChannelId.of("tw"),
                ReplyKind.PUBLIC_REPLY,
                Optional.of("t1"),
                Optional.empty(),
                "We're sorry ^AB",
                Optional.of(AgentId.of("ab1")),
                T0);
        return new ApprovalRequest(r, List.of("conversation is flagged LEGAL_THREAT"), T0);
    }

    @Test
    void holdsRequestsInOrderAndTellsTheListener() {
        List<ApprovalRequest> told = new ArrayList<>();
        InMemoryApprovalGateway gateway = new InMemoryApprovalGateway(told::add);
        gateway.submit(request("r1"));
        gateway.submit(request("r2"));

        assertThat(gateway.pending()).extracting(a -> a.reply().id().value()).containsExactly("r1", "r2");
        assertThat(told).hasSize(2);
        assertThat(gateway.find(ReplyId.of("r2"))).isPresent();
        assertThatThrownBy(() -> gateway.submit(request("r1"))).hasMessageContaining("r1");
    }

    @Test
    void handsARequestToExactlyOneOfManyDeciders() throws Exception {
        InMemoryApprovalGateway gateway = new InMemoryApprovalGateway();
        gateway.submit(request("r1"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<ApprovalRequest>>> deciders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                deciders.add(() -> gateway.take(ReplyId.of("r1")));
            }
            long winners = 0;
            for (Future<Optional<ApprovalRequest>> f : pool.invokeAll(deciders)) {
                winners += f.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(gateway.pending()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestNeedsAReason() {
        Reply r = request("r9").reply();
        assertThatThrownBy(() -> new ApprovalRequest(r, List.of(), T0)).hasMessageContaining("reason");
    }
}
