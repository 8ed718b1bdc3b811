package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.CallbackRequest;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.AlreadyClaimedException;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.NotAssignedException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.in.DispatchResult;

class CareDeskWorkAndDispatchTest {
    private final List<CallbackRequest> callbacks = new ArrayList<>();
    private final List<ChannelHealth> healthChanges = new ArrayList<>();
    private final DeskFixture f = new DeskFixture(b -> b.callbackGateway(callbacks::add)
            .healthListener((before, after) -> healthChanges.add(after))
            .settings(DeskSettings.ofDefaults()
                    .withMaxAttempts(3)
                    .withRetry(Duration.ofSeconds(10), Duration.ofMinutes(5))));
    private final CareDesk desk = f.desk;

    @Test
    void replyGoesToTheOutboxAnsweringTheCustomersLatestPublicMessage() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        f.advance(Duration.ofMinutes(4));
        Reply r = desk.reply(id, f.alice.id(), "So sorry for the wait, Anna. We're looking now ^AB");
        assertThat(r.kind()).isEqualTo(ReplyKind.PUBLIC_REPLY);
        assertThat(r.target()).contains("1");
        assertThat(r.status()).isInstanceOf(DeliveryStatus.Queued.class);
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.PENDING_CUSTOMER);
        assertThat(desk.conversation(id).orElseThrow().firstResponseAt()).contains(f.clock.instant());
        assertThat(f.publisher.published).isEmpty();

        DispatchResult d = desk.dispatchOutbox();
        assertThat(d.sent()).isEqualTo(1);
        Reply sent = desk.replies(id).get(0);
        assertThat(sent.status()).isInstanceOf(DeliveryStatus.Sent.class);
        assertThat(sent.platformMessageId()).isPresent();
        assertThat(f.publisher.published)
                .extracting(Reply::text)
                .containsExactly("So sorry for the wait, Anna. We're looking now ^AB");
        assertThat(desk.dispatchOutbox().total()).isZero();
    }

    @Test
    void agentMustClaimBeforeReplying() {
        ConversationId id = open();
        assertThatThrownBy(() -> desk.reply(id, f.alice.id(), "hi")).isInstanceOf(NotAssignedException.class);
        desk.claim(id, f.alice.id());
        assertThatThrownBy(() -> desk.claim(id, f.carl.id())).isInstanceOf(AlreadyClaimedException.class);
        assertThatThrownBy(() -> desk.reply(id, f.carl.id(), "hi")).isInstanceOf(NotAssignedException.class);
    }

    @Test
    void moveToPrivateQueuesAPublicInviteAndAPrivateMessage() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        List<Reply> out = desk.moveToPrivate(
                id,
                f.alice.id(),
                "Please DM us your number and we'll call you right now ^AB",
                Optional.of("Hi Anna, which number can we call you on?"));
        assertThat(out).extracting(Reply::kind).containsExactly(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE);
        assertThat(out.get(1).recipient()).contains(ANNA.platformUserId());
        assertThat(desk.history(id)).extracting(e -> e.action()).contains(AuditAction.MOVED_TO_PRIVATE);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(2);
    }

    @Test
    void callbackRequestIsAuditedMaskedAndHandedToTheGateway() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        desk.requestCallback(id, f.alice.id(), "07700 900123", Optional.empty());
        assertThat(callbacks).singleElement().satisfies(c -> assertThat(c.phoneNumber())
                .isEqualTo("07700 900123"));
        assertThat(desk.history(id))
                .filteredOn(e -> e.action() == AuditAction.CALLBACK_REQUESTED)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).doesNotContain("900123").contains("123"));
    }

    @Test
    void pausedChannelPublishesNothingAndShowsRepliesAsQueued() {
        ConversationId id = answered();
        desk.pauseChannel(DeskFixture.TWITTER_CARE, "suspected hijack");
        DispatchResult d = desk.dispatchOutbox();
        assertThat(d.held()).isEqualTo(1);
        assertThat(f.publisher.published).isEmpty();
        Reply r = desk.replies(id).get(0);
        assertThat(r.isQueued()).isTrue();
        assertThat(((DeliveryStatus.Queued) r.status()).lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("PAUSED"));
        assertThat(desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.PAUSED);

        desk.resumeChannel(DeskFixture.TWITTER_CARE, "supervisor:sam");
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).isSent()).isTrue();
    }

    @Test
    void expiredTokenMarksTheChannelAuthFailedNotifiesAndKeepsTheReplyQueued() {
        ConversationId id = answered();
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.AUTH_FAILED, "Invalid or expired token", "89"));
        DispatchResult d = desk.dispatchOutbox();
        assertThat(d.held()).isEqualTo(1);
        assertThat(desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.AUTH_FAILED);
        assertThat(desk.health(DeskFixture.TWITTER_CARE).lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("89"));
        assertThat(healthChanges).extracting(ChannelHealth::state).containsExactly(HealthState.AUTH_FAILED);
        assertThat(f.notices)
                .extracting(EscalationNotice::kind)
                .containsExactly(EscalationNotice.Kind.CHANNEL_UNHEALTHY);
        assertThat(desk.replies(id).get(0).isQueued()).isTrue();
        // still nothing while the token is broken
        assertThat(desk.dispatchOutbox().sent()).isZero();
    }

    @Test
    void rateLimitWaitsUntilThePlatformsResetTime() {
        ConversationId id = answered();
        Instant reset = f.clock.instant().plusSeconds(300);
        f.publisher.failures.add(PlatformException.rateLimited("Rate limit exceeded", reset, "88"));
        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        assertThat(desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.DEGRADED);
        f.advance(Duration.ofSeconds(299));
        assertThat(desk.dispatchOutbox().total()).isZero();
        f.advance(Duration.ofSeconds(1));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(desk.health(DeskFixture.TWITTER_CARE).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(desk.replies(id).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void transientErrorsRetryWithBackoffThenFail() {
        ConversationId id = answered();
        for (int i = 0; i < 3; i++) {
            f.publisher.failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "HTTP 503", "503"));
        }
        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        Instant next = ((DeliveryStatus.Queued) desk.replies(id).get(0).status()).nextAttemptAt();
        assertThat(next)
                .isAfterOrEqualTo(f.clock.instant().plusSeconds(5))
                .isBeforeOrEqualTo(f.clock.instant().plusSeconds(10));
        f.advance(Duration.ofMinutes(10));
        desk.dispatchOutbox();
        f.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().failed()).isEqualTo(1);
        Reply r = desk.replies(id).get(0);
        assertThat(r.status()).isInstanceOfSatisfying(DeliveryStatus.Failed.class, s -> assertThat(s.reason())
                .contains("gave up after 3 attempts"));
    }

    @Test
    void duplicateOnARetryCountsAsSent() {
        ConversationId id = answered();
        f.publisher.failures.add(PlatformException.of(PlatformException.Kind.TRANSIENT, "read timed out", "timeout"));
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.DUPLICATE, "Status is a duplicate", "187"));
        assertThat(desk.dispatchOutbox().held()).isEqualTo(1);
        f.advance(Duration.ofMinutes(10));
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).isSent()).isTrue();
    }

    @Test
    void outsideTheMessagingWindowFailsWithTheReason() {
        ConversationId id = answered();
        f.publisher.failures.add(
                PlatformException.of(PlatformException.Kind.OUTSIDE_WINDOW, "outside the 24-hour window", "10"));
        assertThat(desk.dispatchOutbox().failed()).isEqualTo(1);
        assertThat(desk.replies(id).get(0).status())
                .isInstanceOfSatisfying(
                        DeliveryStatus.Failed.class, s -> assertThat(s.reason()).contains("24-hour"));
    }

    @Test
    void resolveAndCloseFollowTheStateMachine() {
        ConversationId id = answered();
        assertThatThrownBy(() -> desk.close(id)).hasMessageContaining("it is PENDING_CUSTOMER");
        assertThat(desk.resolve(id, f.alice.id()).state()).isEqualTo(ConversationState.RESOLVED);
        assertThat(desk.close(id).state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void agentGoingOfflineReturnsTheirWorkToTheQueue() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        assertThat(desk.queue(DeskFixture.CARE, 10)).isEmpty();
        desk.setPresence(f.alice.id(), Presence.OFFLINE);
        assertThat(desk.queue(DeskFixture.CARE, 10)).extracting(c -> c.id()).containsExactly(id);
        assertThat(desk.assignedTo(f.alice.id())).isEmpty();
    }

    @Test
    void escalationNotifiesAndIsAudited() {
        ConversationId id = open();
        desk.escalate(id, "agent:alice", "customer threatens legal action");
        assertThat(desk.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.ESCALATED);
        assertThat(f.notices).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("legal"));
    }

    @Test
    void channelWithItsOwnPublisherPublishesThroughIt() {
        DeskFixture.RecordingPublisher own = new DeskFixture.RecordingPublisher();
        DeskFixture g = new DeskFixture(b -> b.publisher(DeskFixture.TWITTER_CARE, own));
        ConversationId id = g.desk.ingest(Batch.of(List.of(g.tweet("1", ANNA, "hello"))))
                .touched()
                .get(0);
        g.desk.claim(id, g.alice.id());
        g.desk.reply(id, g.alice.id(), "Hi ^AB");
        assertThat(g.desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(own.published).hasSize(1);
        assertThat(g.publisher.published).isEmpty();
    }

    @Test
    void publisherForAnUnknownChannelIsRejectedAtBuild() {
        assertThatThrownBy(() -> new DeskFixture(b -> b.publisher(
                        org.socialcare.core.domain.ChannelId.of("nope"), new DeskFixture.RecordingPublisher())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void unknownAgentIsNamed() {
        ConversationId id = open();
        assertThatThrownBy(() -> desk.claim(id, org.socialcare.core.domain.AgentId.of("zed")))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("'zed'");
    }

    private ConversationId open() {
        return desk.ingest(Batch.of(List.of(f.tweet("1", ANNA, "@AskBank on hold for 40 minutes!"))))
                .touched()
                .get(0);
    }

    private ConversationId answered() {
        ConversationId id = open();
        desk.claim(id, f.alice.id());
        desk.reply(id, f.alice.id(), "Sorry Anna ^AB");
        return id;
    }
}
