package org.socialcare.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialcare.core.error.AlreadyClaimedException;
import org.socialcare.core.error.IllegalTransitionException;
import org.socialcare.core.error.NotAssignedException;

class ConversationStateMachineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final AgentId ALICE = AgentId.of("alice");
    private static final AgentId CARL = AgentId.of("carl");

    private static final Set<String> LEGAL = Set.of(
            "NEW>OPEN",
            "NEW>ESCALATED",
            "NEW>RESOLVED",
            "OPEN>PENDING_CUSTOMER",
            "OPEN>ESCALATED",
            "OPEN>RESOLVED",
            "PENDING_CUSTOMER>OPEN",
            "PENDING_CUSTOMER>ESCALATED",
            "PENDING_CUSTOMER>RESOLVED",
            "ESCALATED>OPEN",
            "ESCALATED>PENDING_CUSTOMER",
            "ESCALATED>RESOLVED",
            "RESOLVED>OPEN",
            "RESOLVED>CLOSED");

    static Stream<Arguments> everyPair() {
        return EnumSet.allOf(ConversationState.class).stream()
                .flatMap(from -> EnumSet.allOf(ConversationState.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheDesignedTransitions(ConversationState from, ConversationState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(LEGAL.contains(from + ">" + to));
    }

    @Test
    void newConversationStartsNewAwaitingResponseFromTheFirstMessage() {
        Conversation c = start(Visibility.PUBLIC);
        assertThat(c.state()).isEqualTo(ConversationState.NEW);
        assertThat(c.awaitingResponseSince()).contains(T0);
        assertThat(c.hasPublicLeg()).isTrue();
        assertThat(c.hasPrivateLeg()).isFalse();
        assertThat(c.language()).contains("en");
        assertThat(c.version()).isZero();
    }

    @Test
    void claimOpensANewConversation() {
        Conversation c = start(Visibility.PUBLIC).claim(ALICE);
        assertThat(c.state()).isEqualTo(ConversationState.OPEN);
        assertThat(c.assignee()).contains(ALICE);
    }

    @Test
    void claimByASecondAgentIsRejectedNamingTheHolder() {
        Conversation c = start(Visibility.PUBLIC).claim(ALICE);
        assertThatThrownBy(() -> c.claim(CARL))
                .isInstanceOf(AlreadyClaimedException.class)
                .hasMessageContaining("'alice' holds it");
    }

    @Test
    void replyByAnAgentWhoDoesNotHoldItIsRejected() {
        Conversation c = start(Visibility.PUBLIC).claim(ALICE);
        assertThatThrownBy(() -> c.agentReplied(CARL, Visibility.PUBLIC, T0)).isInstanceOf(NotAssignedException.class);
        assertThatThrownBy(() -> start(Visibility.PUBLIC).agentReplied(ALICE, Visibility.PUBLIC, T0))
                .isInstanceOf(NotAssignedException.class)
                .hasMessageContaining("not claimed by anyone");
    }

    @Test
    void agentReplyRecordsFirstResponseAndWaitsForTheCustomer() {
        Instant answered = T0.plusSeconds(240);
        Conversation c = start(Visibility.PUBLIC).claim(ALICE).agentReplied(ALICE, Visibility.PUBLIC, answered);
        assertThat(c.state()).isEqualTo(ConversationState.PENDING_CUSTOMER);
        assertThat(c.firstResponseAt()).contains(answered);
        assertThat(c.awaitingResponseSince()).isEmpty();
        Conversation later = c.agentReplied(ALICE, Visibility.PRIVATE, answered.plusSeconds(60));
        assertThat(later.firstResponseAt()).contains(answered);
        assertThat(later.hasPrivateLeg()).isTrue();
    }

    @Test
    void customerMessageWhilePendingReopensWork() {
        Conversation pending =
                start(Visibility.PUBLIC).claim(ALICE).agentReplied(ALICE, Visibility.PUBLIC, T0.plusSeconds(60));
        Conversation c = pending.customerWrote(message("2", Visibility.PRIVATE, T0.plusSeconds(120)));
        assertThat(c.state()).isEqualTo(ConversationState.OPEN);
        assertThat(c.awaitingResponseSince()).contains(T0.plusSeconds(120));
        assertThat(c.customerMessageCount()).isEqualTo(2);
        assertThat(c.hasPrivateLeg()).isTrue();
    }

    @Test
    void resolvedConversationReopensWhenCustomerWritesAgain() {
        Conversation resolved = start(Visibility.PUBLIC).claim(ALICE).resolve(T0.plusSeconds(600));
        Conversation c = resolved.customerWrote(message("2", Visibility.PUBLIC, T0.plusSeconds(900)));
        assertThat(c.state()).isEqualTo(ConversationState.OPEN);
        assertThat(c.resolvedAt()).isEmpty();
    }

    @Test
    void closedConversationTakesNoMessagesAndNamesTheAllowedStates() {
        Conversation closed = start(Visibility.PUBLIC).resolve(T0).close();
        assertThatThrownBy(() -> closed.customerWrote(message("2", Visibility.PUBLIC, T0)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CLOSED may only move to nothing (final state)");
        assertThatThrownBy(() -> closed.claim(ALICE)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void closeIsOnlyAllowedFromResolved() {
        assertThatThrownBy(() -> start(Visibility.PUBLIC).claim(ALICE).close())
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("it is OPEN")
                .hasMessageContaining("not CLOSED");
    }

    @Test
    void replyToARoutedConversationNobodyClaimedOpensItOnTheWayToPendingCustomer() {
        Conversation routed = start(Visibility.PUBLIC).assignTo(TeamId.of("care"), java.util.Optional.of(ALICE));
        assertThat(routed.state()).isEqualTo(ConversationState.NEW);
        Conversation answered = routed.agentReplied(ALICE, Visibility.PUBLIC, T0.plusSeconds(30));
        assertThat(answered.state()).isEqualTo(ConversationState.PENDING_CUSTOMER);
        assertThat(answered.firstResponseAt()).contains(T0.plusSeconds(30));
        // every step is legal: NEW -> OPEN -> PENDING_CUSTOMER
        assertThat(ConversationState.NEW.canMoveTo(ConversationState.PENDING_CUSTOMER))
                .isFalse();
        assertThat(ConversationState.NEW.canMoveTo(ConversationState.OPEN)).isTrue();
        assertThat(ConversationState.OPEN.canMoveTo(answered.state())).isTrue();
    }

    @ParameterizedTest(name = "reply in {0}")
    @org.junit.jupiter.params.provider.EnumSource(
            value = ConversationState.class,
            names = {"NEW", "OPEN", "PENDING_CUSTOMER", "ESCALATED"})
    void replyInAnyWorkingStateEndsPendingCustomerThroughLegalSteps(ConversationState from) {
        Conversation c = start(Visibility.PUBLIC)
                .copy()
                .state(from)
                .assignee(java.util.Optional.of(ALICE))
                .build();
        Conversation answered = c.agentReplied(ALICE, Visibility.PRIVATE, T0);
        assertThat(answered.state()).isEqualTo(ConversationState.PENDING_CUSTOMER);
        assertThat(from == ConversationState.PENDING_CUSTOMER
                        || from.canMoveTo(ConversationState.PENDING_CUSTOMER)
                        || (from.canMoveTo(ConversationState.OPEN)
                                && ConversationState.OPEN.canMoveTo(ConversationState.PENDING_CUSTOMER)))
                .isTrue();
    }

    @ParameterizedTest(name = "reply in {0}")
    @org.junit.jupiter.params.provider.EnumSource(
            value = ConversationState.class,
            names = {"RESOLVED", "CLOSED"})
    void replyToAFinishedConversationIsAnIllegalTransition(ConversationState from) {
        Conversation c = start(Visibility.PUBLIC)
                .copy()
                .state(from)
                .assignee(java.util.Optional.of(ALICE))
                .build();
        assertThatThrownBy(() -> c.agentReplied(ALICE, Visibility.PUBLIC, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void escalationIsIdempotentAndLeavesByReply() {
        Conversation e = start(Visibility.PUBLIC).claim(ALICE).escalate();
        assertThat(e.escalate()).isSameAs(e);
        assertThat(e.agentReplied(ALICE, Visibility.PUBLIC, T0).state()).isEqualTo(ConversationState.PENDING_CUSTOMER);
    }

    @Test
    void triageAddsRiskFlagsWithoutForgettingEarlierOnes() {
        Conversation c = start(Visibility.PUBLIC)
                .withTriage(Category.COMPLAINT, Set.of(RiskFlag.FRAUD), Priority.HIGH)
                .withTriage(Category.COMPLAINT, Set.of(RiskFlag.LEGAL_THREAT), Priority.URGENT);
        assertThat(c.riskFlags()).containsExactlyInAnyOrder(RiskFlag.FRAUD, RiskFlag.LEGAL_THREAT);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void priorityRaisesUpToUrgent() {
        assertThat(Priority.LOW.raised()).isEqualTo(Priority.NORMAL);
        assertThat(Priority.URGENT.raised()).isEqualTo(Priority.URGENT);
    }

    private static Conversation start(Visibility v) {
        return Conversation.start(ConversationId.of("c1"), message("1", v, T0));
    }

    private static InboundMessage message(String id, Visibility v, Instant at) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), ChannelId.of("tw"), Party.of("42", "anna"))
                .text("hello")
                .visibility(v)
                .createdAt(at)
                .language("en")
                .build();
    }
}
