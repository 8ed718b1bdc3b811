package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;
import static org.socialcare.core.DeskFixture.BEN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.PlatformException;

/** An operator lists the replies the outbox gave up on, desk-wide and paged, and puts one back once fixed. */
class OperationsFailedRepliesTest {
    private final DeskFixture f = new DeskFixture();
    private final CareDesk desk = f.desk;

    private ReplyId failedReplyTo(String tweetId, Party who) {
        ConversationId id = desk.ingest(Batch.of(List.of(f.tweet(tweetId, who, "@AskBank my card is blocked"))))
                .touched()
                .get(0);
        desk.claim(id, f.alice.id());
        Reply r = desk.reply(id, f.alice.id(), "Sorry " + who.handle() + ", we are on it ^AB");
        f.publisher.failures.add(PlatformException.of(PlatformException.Kind.PERMISSION, "app lacks write", "93"));
        desk.dispatchOutbox();
        assertThat(desk.replies(id)).singleElement().satisfies(x -> assertThat(x.status())
                .isInstanceOf(DeliveryStatus.Failed.class));
        return r.id();
    }

    @Test
    void failedRepliesOfEveryConversationArePagedOldestFirst() {
        List<ReplyId> failed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failed.add(failedReplyTo(String.valueOf(100 + i), Party.of(String.valueOf(2000 + i), "cust" + i)));
            f.advance(Duration.ofMinutes(1));
        }

        List<Reply> first = desk.operations().failedReplies(Optional.empty(), 2);
        List<Reply> second =
                desk.operations().failedReplies(Optional.of(first.get(1).id()), 2);
        List<Reply> third =
                desk.operations().failedReplies(Optional.of(second.get(1).id()), 2);

        List<ReplyId> seen = new ArrayList<>();
        for (List<Reply> page : List.of(first, second, third)) {
            page.forEach(r -> seen.add(r.id()));
        }
        assertThat(seen).containsExactlyElementsOf(failed);
        assertThat(third).hasSize(1);
        assertThat(desk.operations().failedReplies(Optional.of(third.get(0).id()), 2))
                .isEmpty();
    }

    @Test
    void aRetriedReplyIsSentOnTheNextDispatchOnceAndAuditedUnderTheOperator() {
        ReplyId id = failedReplyTo("1", ANNA);

        Reply queued = desk.operations().retryFailedReply(id, "kim");

        assertThat(queued.status()).isInstanceOf(DeliveryStatus.Queued.class);
        assertThat(desk.operations().failedReplies(Optional.empty(), 10)).isEmpty();
        desk.dispatchOutbox();
        desk.dispatchOutbox();
        assertThat(f.publisher.published).extracting(Reply::id).containsExactly(id);
        Reply sent = desk.replies(queued.conversation()).get(0);
        assertThat(sent.isSent()).isTrue();
        List<AuditEntry> retried = desk.history(queued.conversation()).stream()
                .filter(e -> e.action() == AuditAction.REPLY_RETRIED)
                .toList();
        assertThat(retried).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("operator:kim");
            assertThat(e.detail()).contains("app lacks write");
        });
    }

    @Test
    void onlyAFailedReplyCanBeRetriedAndOnlyOnce() {
        ReplyId id = failedReplyTo("1", ANNA);
        ConversationId other = desk.ingest(Batch.of(List.of(f.tweet("2", BEN, "@AskBank app down"))))
                .touched()
                .get(0);
        desk.claim(other, f.carl.id());
        Reply pending = desk.reply(other, f.carl.id(), "Looking into it ^CD");

        desk.operations().retryFailedReply(id, "kim");

        assertThatThrownBy(() -> desk.operations().retryFailedReply(id, "lee"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("QUEUED, not FAILED");
        assertThatThrownBy(() -> desk.operations().retryFailedReply(pending.id(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("not FAILED");
        assertThatThrownBy(() -> desk.operations().retryFailedReply(ReplyId.of("nope"), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("no reply nope");
        assertThatThrownBy(() -> desk.operations().retryFailedReply(id, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator");
        assertThatThrownBy(() -> desk.operations().failedReplies(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }
}
