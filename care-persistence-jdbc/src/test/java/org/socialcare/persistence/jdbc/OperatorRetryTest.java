package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.testkit.TestData;

/**
 * The operator API on a database: a reply that failed on one desk is listed and retried from another desk (its own
 * pool, as another node), sent once on the next dispatch, with the retry in the audit chain. One subclass per
 * database.
 */
abstract class OperatorRetryTest {
    private static final TeamId CARE = TestData.CARE_TEAM;
    private static final Channel TWITTER = TestData.TWITTER_CARE;
    private static final AgentId ANNA = AgentId.of("ab1");

    private final AtomicBoolean writeAccess = new AtomicBoolean(false);
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
    void aReplyThatFailedOnOneDeskIsRetriedFromAnotherAndSentOnce() {
        ConversationId id = deskA.ingest(Batch.of(List.of(TestData.inbound(
                        TWITTER,
                        TestData.customer(),
                        "@BankCare my card is blocked",
                        Instant.parse("2026-03-02T09:00:00Z")))))
                .touched()
                .get(0);
        deskA.claim(id, ANNA);
        Reply reply = deskA.reply(id, ANNA, "Sorry, we are on it ^AB");
        deskA.dispatchOutbox();
        assertThat(deskB.operations().failedReplies(Optional.empty(), 10))
                .extracting(Reply::id)
                .containsExactly(reply.id());

        writeAccess.set(true);
        deskB.operations().retryFailedReply(reply.id(), "kim");
        deskA.dispatchOutbox();
        deskB.dispatchOutbox();

        assertThat(published).extracting(Reply::id).containsExactly(reply.id());
        assertThat(deskB.operations().failedReplies(Optional.empty(), 10)).isEmpty();
        assertThat(deskA.history(id))
                .filteredOn(e -> e.action() == AuditAction.REPLY_RETRIED)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("operator:kim"));
        assertThat(nodeA.audit().verify().intact()).isTrue();
    }

    private CareDesk desk(JdbcCareStorage node) {
        return CareDesk.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:10:00Z"), ZoneOffset.UTC))
                .storage(node.storage())
                .team(Team.of(CARE.value(), "Social care"))
                .channel(TWITTER)
                .agent(Agent.of(ANNA.value(), "Anna Bell", "AB", CARE))
                .publisher(new ChannelPublisher() {
                    @Override
                    public Platform platform() {
                        return Platform.TWITTER;
                    }

                    @Override
                    public Optional<String> publish(Channel channel, Reply r) {
                        if (!writeAccess.get()) {
                            throw PlatformException.of(PlatformException.Kind.PERMISSION, "app lacks write", "93");
                        }
                        published.add(r);
                        return Optional.of("5" + published.size());
                    }
                })
                .build();
    }
}
