package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.testkit.TestData;

/**
 * Channels added and retired by an operator on a database: a message that came for a channel before it was added is
 * kept in its dead letter (masked at rest), read back exactly by another desk once the channel is added; a channel
 * with a reply still queued is not retired; every change is in the audit chain. One subclass per database.
 */
abstract class OperatorChannelsTest {
    private static final TeamId CARE = TestData.CARE_TEAM;
    private static final AgentId ANNA = AgentId.of("ab1");
    private static final Channel CARDS =
            Channel.of("cards", Platform.TWITTER, "BankCards", "9100", ChannelKind.BUSINESS_UNIT, CARE);

    private final List<Reply> published = new CopyOnWriteArrayList<>();
    private TestDatabase db;
    private JdbcCareStorage nodeA;
    private CareDesk deskA;
    private CareDesk deskB;

    abstract TestDatabase open();

    @BeforeEach
    void start() {
        db = open();
        nodeA = JdbcCareStorage.builder(db.newDataSource(3)).createSchema(true).build();
        deskA = desk(nodeA);
        deskB = desk(JdbcCareStorage.builder(db.newDataSource(3)).build());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aMessageForAChannelAddedLaterIsReadBackFromItsDeadLetterAndEveryChangeIsInTheAuditChain() {
        Party author = new Party("4111111111111111", "ann_k", Optional.of("Ann K"), 5400, true);
        InboundMessage early = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "1900000000000000123"), CARDS.id(), author)
                .text("Charged twice on 4111 1111 1111 1111, help!\nSecond line")
                .inReplyTo("1700")
                .createdAt(Instant.parse("2026-03-02T09:00:00Z"))
                .language("en")
                .build();
        assertThat(deskA.ingest(Batch.of(List.of(early))).deadLettered()).isEqualTo(1);
        DeadLetter letter = deskB.operations().deadLetters(Optional.empty(), 10).get(0);
        assertThat(letter.rawPayload()).doesNotContain("4111 1111 1111 1111");

        deskB.operations().addChannel(CARDS, Optional.empty(), "kim");
        assertThat(deskB.operations().reprocessDeadLetter(letter.id(), "kim").stored())
                .isEqualTo(1);

        StoredMessage stored = nodeA.storage().messages().find(early.key()).orElseThrow();
        assertThat(stored.authorId()).isEqualTo("4111111111111111");
        assertThat(stored.inReplyTo()).contains("1700");
        assertThat(stored.createdAt()).isEqualTo(early.createdAt());
        assertThat(stored.text()).endsWith(", help!\nSecond line").doesNotContain("4111 1111 1111 1111");
        deskB.claim(stored.conversation(), ANNA);
        deskB.pauseChannel(CARDS.id(), "checking the account", "kim");
        Reply waiting = deskB.reply(stored.conversation(), ANNA, "Sorry, we are on it ^AB");
        assertThatThrownBy(() -> deskB.operations().retireChannel(CARDS.id(), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("1 queued in the outbox (oldest " + waiting.id() + ")");
        deskB.resumeChannel(CARDS.id(), "kim");
        deskB.dispatchOutbox();
        deskB.operations().retireChannel(CARDS.id(), "kim");

        assertThat(published).extracting(Reply::id).containsExactly(waiting.id());
        assertThat(nodeA.storage().audit().recent(100))
                .filteredOn(e -> e.actor().equals("operator:kim"))
                .extracting(AuditEntry::action)
                .containsSubsequence(
                        AuditAction.CHANNEL_ADDED, AuditAction.DEAD_LETTER_REPROCESSED, AuditAction.CHANNEL_RETIRED);
        assertThat(nodeA.audit().verify().intact()).isTrue();
    }

    private CareDesk desk(JdbcCareStorage node) {
        return CareDesk.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:10:00Z"), ZoneOffset.UTC))
                .storage(node.storage())
                .team(Team.of(CARE.value(), "Social care"))
                .channel(TestData.TWITTER_CARE)
                .agent(Agent.of(ANNA.value(), "Anna Bell", "AB", CARE))
                .publisher(new ChannelPublisher() {
                    @Override
                    public Platform platform() {
                        return Platform.TWITTER;
                    }

                    @Override
                    public Optional<String> publish(Channel channel, Reply r) {
                        published.add(r);
                        return Optional.of("5" + published.size());
                    }
                })
                .build();
    }
}
