package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.testkit.TestData.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.testkit.TestData;

/**
 * Contract of an {@link ApprovalGateway}.
 *
 * <p>Checks: a submitted request is found and listed with every field of its reply intact (every reply kind,
 * with and without author, every delivery status, unicode text, microsecond instants), its reasons in order
 * (unicode, separators, digits and colons) and its request time; {@code pending()} lists requests in
 * submission order; a second request for a pending reply id is rejected (any runtime exception) and the first
 * stays; {@code take} returns a pending request once and removes it; threads taking the same requests at the
 * same time get each request exactly once between them, without errors; a taken request can be submitted
 * again and is then pending again; unknown ids give empty results.
 *
 * <p>The subclass provides {@link #createGateway()}: a fresh gateway with nothing pending, called before each
 * test. Calls are made outside any transaction: each must then commit on its own.
 */
public abstract class ApprovalGatewayContract {
    /** The gateway under test, fresh for each test. */
    protected ApprovalGateway gateway;

    /** A fresh gateway with nothing pending. */
    protected abstract ApprovalGateway createGateway();

    @BeforeEach
    void createGatewayUnderTest() {
        gateway = createGateway();
    }

    private static ApprovalRequest request(Reply reply, Instant requestedAt, String... reasons) {
        return new ApprovalRequest(reply, List.of(reasons), requestedAt);
    }

    private static ApprovalRequest request(long minute) {
        return request(TestData.publicReply(minute), at(minute).plusNanos(7_000), "conversation flagged LEGAL_THREAT");
    }

    @Test
    void submittedRequestIsFoundWithEveryFieldOfItsReplyAndItsReasons() {
        ConversationId conversation = TestData.conversationId();
        List<ApprovalRequest> submitted = new ArrayList<>();
        int minute = 0;
        for (ReplyKind kind : ReplyKind.values()) {
            Reply reply = Reply.queued(
                    TestData.replyId(),
                    conversation,
                    TestData.FACEBOOK_PAGE.id(),
                    kind,
                    kind == ReplyKind.PRIVATE_MESSAGE ? Optional.empty() : Optional.of("12345_678" + minute),
                    kind == ReplyKind.PRIVATE_MESSAGE ? Optional.of("psid-" + minute) : Optional.empty(),
                    kind.carriesText() ? "Hola Jos\u00e9 \ud83d\ude4f, te escribimos por privado ^AB" : "",
                    minute % 2 == 0 ? Optional.of(TestData.AGENT_ANNA) : Optional.empty(),
                    at(minute).plusNanos(123_000));
            submitted.add(request(
                    reply,
                    at(minute).plusNanos(456_000),
                    "conversation flagged REGULATOR",
                    "mentions a goodwill payment"));
            minute++;
        }
        submitted.add(request(
                TestData.publicReply(20)
                        .withStatus(new DeliveryStatus.Queued(
                                3, at(21).plusNanos(1_000), Optional.of("TRANSIENT: 503 \u00e9"))),
                at(22),
                "12:a reason, with: separators\nand a second line",
                "",
                "\u00fcber 3:"));
        submitted.add(request(
                TestData.publicReply(30)
                        .withStatus(new DeliveryStatus.Sent(Optional.of("1400000000000000001"), at(31), 2)),
                at(32),
                "sent status kept"));
        submitted.add(request(
                TestData.publicReply(40)
                        .withStatus(new DeliveryStatus.Failed("PERMISSION (platform code 200)", at(41), 1)),
                at(42),
                "failed status kept"));

        submitted.forEach(gateway::submit);

        for (ApprovalRequest r : submitted) {
            assertThat(gateway.find(r.reply().id())).contains(r);
        }
        assertThat(gateway.pending()).containsExactlyElementsOf(submitted);
    }

    @Test
    void pendingListsRequestsInSubmissionOrder() {
        ApprovalRequest first = request(1);
        ApprovalRequest second = request(2);
        ApprovalRequest third = request(3);
        gateway.submit(first);
        gateway.submit(second);
        gateway.submit(third);

        assertThat(gateway.pending()).containsExactly(first, second, third);
        gateway.take(second.reply().id());
        assertThat(gateway.pending()).containsExactly(first, third);
    }

    @Test
    void secondRequestForAPendingReplyIsRejectedAndTheFirstStays() {
        ApprovalRequest first = request(1);
        gateway.submit(first);
        Reply sameId = new Reply(
                first.reply().id(),
                TestData.conversationId(),
                first.reply().channel(),
                ReplyKind.PUBLIC_REPLY,
                first.reply().target(),
                Optional.empty(),
                "another text",
                Optional.of(TestData.AGENT_BEN),
                at(5),
                first.reply().status());

        assertThatThrownBy(() -> gateway.submit(request(sameId, at(5), "another reason")))
                .isInstanceOf(RuntimeException.class);

        assertThat(gateway.find(first.reply().id())).contains(first);
        assertThat(gateway.pending()).containsExactly(first);
    }

    @Test
    void takeReturnsAPendingRequestOnceAndRemovesIt() {
        ApprovalRequest held = request(1);
        ApprovalRequest other = request(2);
        gateway.submit(held);
        gateway.submit(other);

        assertThat(gateway.take(held.reply().id())).contains(held);

        assertThat(gateway.take(held.reply().id())).isEmpty();
        assertThat(gateway.find(held.reply().id())).isEmpty();
        assertThat(gateway.pending()).containsExactly(other);
    }

    @Test
    void unknownReplyIsNeitherFoundNorTaken() {
        assertThat(gateway.pending()).isEmpty();
        assertThat(gateway.find(ReplyId.of("no-such-reply"))).isEmpty();
        assertThat(gateway.take(ReplyId.of("no-such-reply"))).isEmpty();
    }

    @Test
    void concurrentTakesHandEachRequestToExactlyOneCaller() {
        List<ApprovalRequest> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(request(i));
            gateway.submit(held.get(i));
        }
        Map<ReplyId, List<Integer>> winners = new ConcurrentHashMap<>();
        int threads = 6;

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(threads, t -> () -> {
            for (int k = 0; k < held.size(); k++) {
                ApprovalRequest r = held.get((k + t) % held.size()); // each thread starts at another request
                gateway.take(r.reply().id()).ifPresent(taken -> {
                    assertThat(taken).isEqualTo(r);
                    winners.computeIfAbsent(taken.reply().id(), id -> new CopyOnWriteArrayList<>())
                            .add(t);
                });
            }
            return t;
        });

        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.error()).as("a take failed").isNull());
        for (ApprovalRequest r : held) {
            assertThat(winners.get(r.reply().id()))
                    .as("callers that took %s", r.reply().id())
                    .hasSize(1);
        }
        assertThat(gateway.pending()).isEmpty();
    }

    @Test
    void takenRequestSubmittedAgainIsPendingAgain() {
        ApprovalRequest held = request(1);
        ApprovalRequest other = request(2);
        gateway.submit(held);
        gateway.submit(other);
        ApprovalRequest taken = gateway.take(held.reply().id()).orElseThrow();

        gateway.submit(taken);

        assertThat(gateway.find(held.reply().id())).contains(held);
        assertThat(gateway.pending()).containsExactlyInAnyOrder(held, other);
        assertThat(gateway.take(held.reply().id())).contains(held);
        assertThat(gateway.pending()).containsExactly(other);
    }

    @Test
    void requestsOfOneAuthorAndConversationAreKeptApart() {
        ConversationId conversation = TestData.conversationId();
        AgentId author = TestData.AGENT_ANNA;
        ApprovalRequest a = request(
                new Reply(
                        TestData.replyId(),
                        conversation,
                        TestData.FACEBOOK_PAGE.id(),
                        ReplyKind.PUBLIC_REPLY,
                        Optional.of("c1"),
                        Optional.empty(),
                        "first answer",
                        Optional.of(author),
                        at(1),
                        new DeliveryStatus.Queued(0, at(1), Optional.empty())),
                at(1),
                "goodwill payment");
        ApprovalRequest b = request(
                new Reply(
                        TestData.replyId(),
                        conversation,
                        TestData.FACEBOOK_PAGE.id(),
                        ReplyKind.PUBLIC_REPLY,
                        Optional.of("c1"),
                        Optional.empty(),
                        "second answer",
                        Optional.of(author),
                        at(1),
                        new DeliveryStatus.Queued(0, at(1), Optional.empty())),
                at(1),
                "goodwill payment");
        gateway.submit(a);
        gateway.submit(b);

        assertThat(gateway.take(b.reply().id())).contains(b);
        assertThat(gateway.pending()).containsExactly(a);
    }
}
