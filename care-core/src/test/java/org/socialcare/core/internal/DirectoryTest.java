package org.socialcare.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;

/** The directory's run-time changes: id order kept, preconditions held under races, failed changes undone. */
class DirectoryTest {
    private static final TeamId CARE = TeamId.of("care");

    private static Directory directory() {
        return new Directory(Map.of(CARE, Team.of("care", "Care")), Map.of());
    }

    @Test
    void addedTeamsAndAgentsAreIteratedInIdOrder() {
        Directory d = directory();
        d.addTeam(Team.of("b-team", "B"), t -> {});
        d.addTeam(Team.of("a-team", "A"), t -> {});
        d.addAgent(Agent.of("zoe", "Zoe", "ZO", CARE), a -> {});
        d.addAgent(Agent.of("amy", "Amy", "AM", CARE), a -> {});

        assertThat(d.teams()).extracting(t -> t.id().value()).containsExactly("a-team", "b-team", "care");
        assertThat(d.agents()).extracting(a -> a.id().value()).containsExactly("amy", "zoe");
    }

    @Test
    void aChangeWhoseFollowUpFailsIsUndone() {
        Directory d = directory();
        Agent amy = Agent.of("amy", "Amy", "AM", CARE);
        d.addAgent(amy, a -> {});

        assertThatThrownBy(() -> d.addTeam(Team.of("x", "X"), t -> {
                    throw new IllegalStateException("audit down");
                }))
                .hasMessage("audit down");
        assertThatThrownBy(() -> d.removeAgent(amy.id(), a -> List.of(), a -> {
                    throw new IllegalStateException("audit down");
                }))
                .hasMessage("audit down");

        assertThat(d.team(TeamId.of("x"))).isEmpty();
        assertThat(d.agent(amy.id())).contains(amy);
    }

    @Test
    void aPresenceChangeNeverBringsARetiredAgentBack() {
        Directory d = directory();
        Agent amy = Agent.of("amy", "Amy", "AM", CARE);
        d.addAgent(amy, a -> {});
        d.removeAgent(amy.id(), a -> List.of(), a -> {});

        assertThatThrownBy(() -> d.update(amy.withPresence(Presence.AWAY)))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("unknown agent 'amy'");
        assertThat(d.agent(amy.id())).isEmpty();
    }

    @Test
    void anAgentAddedWhileTheirTeamIsRetiredNeverOutlivesTheTeam() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 200; i++) {
                Directory d = directory();
                TeamId team = TeamId.of("t" + i);
                d.addTeam(new Team(team, "T", java.util.Optional.empty()), t -> {});
                CyclicBarrier start = new CyclicBarrier(2);
                AgentId id = AgentId.of("a" + i);
                Future<Boolean> added = pool.submit(() -> {
                    start.await();
                    try {
                        d.addAgent(Agent.of(id.value(), "A", "AA", team), a -> {});
                        return true;
                    } catch (CareException e) {
                        return false;
                    }
                });
                Future<Boolean> retired = pool.submit(() -> {
                    start.await();
                    try {
                        d.removeTeam(team, t -> List.of(), t -> {});
                        return true;
                    } catch (CareException e) {
                        return false;
                    }
                });

                assertThat(added.get() ^ retired.get()).as("exactly one wins").isTrue();
                assertThat(d.agent(id).isPresent()).isEqualTo(d.team(team).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
