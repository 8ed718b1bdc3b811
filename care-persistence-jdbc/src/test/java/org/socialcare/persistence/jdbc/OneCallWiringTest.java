package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.port.out.CareStorage;

/** {@code .storage(jdbc.storage())} alone wires every port of a desk to the database; partial wiring is reported. */
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
        return CareDesk.builder().storage(storage).team(Team.of("care", "Care")).channel(CHANNEL);
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
    void anInMemoryOverrideOfAPersistentStorageIsReportedAtBuildTime() {
        Logger log = (Logger) LoggerFactory.getLogger("org.socialcare.core.internal.DeskAssembly");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            desk(nodeA.storage()).build();
            assertThat(seen.list).isEmpty();

            desk(nodeA.storage()).channelStates(new InMemoryChannelStateStore()).build();
        } finally {
            log.detachAppender(seen);
        }

        assertThat(seen.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("channel states").doesNotContain("escalation firings");
        });
    }
}
