package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryEscalationFiringStore;
import org.socialcare.core.port.out.CareStorage;

/** {@code .storage(jdbc.storage())} alone wires every port of a desk to the database; partial wiring fails the build naming the setting. */
class OneCallWiringTest {
    private static final TeamId TEAM = TeamId.of("care");
    private static final Channel CHANNEL =
            Channel.of("twitter-care", Platform.TWITTER, "BankCare", "9000", ChannelKind.DEDICATED_CARE, TEAM);

    private final TestDatabase db = TestDatabase.h2();
    private final JdbcCareStorage nodeA =
            JdbcCareStorage.builder(db.newDataSource(2)).createSchema(true).build();
    private final JdbcCareStorage nodeB =
            JdbcCareStorage.builder(db.newDataSource(2)).build();

    @AfterEach
    void close() {
        db.close();
    }

    private static CareDesk.Builder desk(CareStorage storage) {
        return CareDesk.builder()
                .storage(storage)
                .team(Team.of("care", "Care"))
                .channel(CHANNEL)
                .receiveOnly(CHANNEL.id());
    }

    @Test
    void theStorageCarriesTheJdbcFiringsChannelStatesAndApprovals() {
        CareStorage storage = nodeA.storage();

        assertThat(storage.escalationFirings()).isSameAs(nodeA.escalationFirings());
        assertThat(storage.channelStates()).isSameAs(nodeA.channelStates());
        assertThat(storage.approvals()).isSameAs(nodeA.approvals());
    }

    @Test
    void aPauseOnOneNodeStopsADeskBuiltOnAnotherWithNoFurtherWiring() {
        CareDesk a = desk(nodeA.storage()).build();
        a.pauseChannel(CHANNEL.id(), "suspected hijack", "supervisor:kim");

        CareDesk b = desk(nodeB.storage()).build();

        assertThat(b.channel(CHANNEL.id()).state()).isEqualTo(ChannelState.PAUSED);
        assertThat(b.messagePolicies().approvals()).isInstanceOf(JdbcApprovalGateway.class);
    }

    @Test
    void anInMemoryChannelStatesOverrideOfAPersistentStorageFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> desk(nodeA.storage())
                        .channelStates(new InMemoryChannelStateStore())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channelStates")
                .message()
                .doesNotContain("escalationFirings");
    }

    @Test
    void anInMemoryFiringsOverrideOfAPersistentStorageFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> desk(nodeA.storage())
                        .escalationFirings(new InMemoryEscalationFiringStore())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("escalationFirings");
    }

    @Test
    void inMemoryApprovalsBesideAPersistentStorageFailTheBuildNamingThem() {
        MessagePolicies local = MessagePolicies.builder()
                .approvals(new InMemoryApprovalGateway())
                .build();

        assertThatThrownBy(() -> desk(nodeA.storage()).messagePolicies(local).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MessagePolicies.approvals");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theSevenStoreStorageOfEarlierReleasesOnJdbcFailsTheBuildNamingTheThreeInMemoryParts() {
        CareStorage s = nodeA.storage();
        CareStorage seven = new CareStorage(
                s.conversations(),
                s.messages(),
                s.outbox(),
                s.audit(),
                s.checkpoints(),
                s.deadLetters(),
                s.transactions());

        assertThatThrownBy(() -> desk(seven).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("escalationFirings")
                .hasMessageContaining("channelStates")
                .hasMessageContaining("approvals");
    }

    @Test
    void theOneCallStorageBuildsWithNothingInMemory() {
        CareDesk built = desk(nodeA.storage()).build();

        assertThat(built.messagePolicies().approvals()).isInstanceOf(JdbcApprovalGateway.class);
    }
}
