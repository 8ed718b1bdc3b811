package org.socialcare.core.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.socialcare.core.OpsFixtures;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.TeamId;

/** Whatever the team looks like, routing only picks an agent who can take more, and picks one whenever someone can. */
class RoutingPolicyProperties {
    @Property(tries = 300)
    void choosesOnlyOnlineAgentsBelowCapacityAndNeverLeavesWorkWaitingNeedlessly(
            @ForAll("loads") @Size(min = 1, max = 12) List<AgentLoad> loads,
            @ForAll RoutingPolicy.Strategy strategy,
            @ForAll("languages") Optional<String> language,
            @ForAll boolean complaint) {
        RoutingPolicy policy = RoutingPolicy.builder().strategy(strategy).build();
        Conversation c = OpsFixtures.conversation("c1", "askbank", "u1", Instant.parse("2026-11-25T09:00:00Z"))
                .assignTo(TeamId.of("care"), Optional.empty())
                .copy()
                .language(language)
                .category(complaint ? Category.COMPLAINT : Category.QUESTION)
                .build();
        Optional<AgentId> chosen = policy.choose(c, Optional.of("cards"), loads);
        boolean someoneCan =
                loads.stream().anyMatch(l -> l.canTakeMore() && !l.agent().supervisor());
        assertThat(chosen.isPresent()).isEqualTo(someoneCan);
        chosen.ifPresent(id -> {
            AgentLoad l = loads.stream()
                    .filter(x -> x.agent().id().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(l.agent().presence()).isEqualTo(Presence.ONLINE);
            assertThat(l.active()).isLessThan(l.agent().capacity());
            assertThat(l.agent().supervisor()).isFalse();
        });
    }

    @Provide
    Arbitrary<Optional<String>> languages() {
        return Arbitraries.of(
                Optional.empty(), Optional.of("en"), Optional.of("es-ES"), Optional.of("fr"), Optional.of("it"));
    }

    @Provide
    Arbitrary<List<AgentLoad>> loads() {
        Arbitrary<AgentLoad> load = Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.of(Presence.class),
                        Arbitraries.of(true, false, false, false),
                        Arbitraries.subsetOf("en", "es", "fr"),
                        Arbitraries.of(true, false))
                .as((capacity, active, presence, supervisor, langs, complaints) -> {
                    Agent a = new Agent(
                            AgentId.of("a"),
                            "Agent",
                            "AG",
                            TeamId.of("care"),
                            Skills.of(Set.copyOf(langs), Set.of("cards"), complaints),
                            capacity,
                            presence,
                            supervisor);
                    return new AgentLoad(a, active);
                });
        return load.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<AgentLoad> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Agent a = list.get(i).agent();
                named.add(new AgentLoad(
                        new Agent(
                                AgentId.of("agent" + i),
                                a.displayName(),
                                a.initials(),
                                a.team(),
                                a.skills(),
                                a.capacity(),
                                a.presence(),
                                a.supervisor()),
                        list.get(i).active()));
            }
            return named;
        });
    }
}
