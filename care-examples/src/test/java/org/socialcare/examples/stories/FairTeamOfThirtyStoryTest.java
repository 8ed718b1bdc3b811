package org.socialcare.examples.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.testkit.RecordingPublisher;

/**
 * Story 2: a floor of 30 trained agents (languages, the cards business unit, complaint handling, capacities of
 * 10, 14 or 18) answers a busy morning: 320 new conversations in English, Spanish and French, a third on the
 * cards account, a fifth complaints, ingested in batches with SKILLS_MATCH auto-routing. Work is spread by
 * share of capacity, nobody is given more than their capacity, and skills are respected; when demand exceeds
 * the floor's capacity the rest waits in the queue and flows to whoever frees a slot.
 */
class FairTeamOfThirtyStoryTest {
    private static final TeamId FLOOR = TeamId.of("care-floor");
    private static final ChannelId CARE = ChannelId.of("twitter-care");
    private static final ChannelId CARDS = ChannelId.of("twitter-cards");
    private static final Map<String, String[]> TEXTS = Map.of(
            "en",
                    new String[] {
                        "how do I order a new card?",
                        "what time do branches open on Saturday?",
                        "can I raise my transfer limit?"
                    },
            "es",
                    new String[] {
                        "¿cómo pido una tarjeta nueva?",
                        "¿a qué hora abren las oficinas el sábado?",
                        "¿puedo subir el límite de transferencias?"
                    },
            "fr",
                    new String[] {
                        "comment commander une nouvelle carte ?",
                        "à quelle heure ouvrent les agences samedi ?",
                        "puis-je augmenter mon plafond ?"
                    });
    private static final Map<String, String> COMPLAINTS = Map.of(
            "en", "this is unacceptable, charged twice and nobody answers, I want to complain",
            "es", "esto es inaceptable, me cobraron dos veces y nadie responde, quiero poner una queja",
            "fr", "c'est inacceptable, débité deux fois et personne ne répond, je veux porter plainte");

    private final SimulatedClock clock = StoryKit.clock();
    private final CareStorage storage = InMemoryStorage.create();
    private final List<Agent> floor = agents();
    private final CareDesk desk = desk();
    private final Random random = new Random(8);
    private int customers;

    @Test
    void threeHundredTwentyConversationsAreSpreadFairlyWithinCapacityAndByTheRightSkills() {
        List<ConversationId> morning = arrive(320);

        Map<AgentId, Integer> load = loads();
        assertThat(desk.queue(FLOOR, 1_000)).isEmpty(); // the floor had room for all of them
        assertThat(load.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(320);
        for (Agent a : floor) {
            assertThat(load.get(a.id()))
                    .as("load of %s", a.id())
                    .isLessThanOrEqualTo(a.capacity())
                    .isPositive();
        }
        DoubleSummaryStatistics share = floor.stream()
                .mapToDouble(a -> (double) load.get(a.id()) / a.capacity())
                .summaryStatistics();
        assertThat(share.getMax() - share.getMin())
                .as("spread of capacity shares %s", share)
                .isLessThanOrEqualTo(0.25);

        for (ConversationId id : morning) {
            Conversation c = desk.conversation(id).orElseThrow();
            Skills skills = desk.agent(c.assignee().orElseThrow()).orElseThrow().skills();
            String language = c.language().orElseThrow();
            assertThat(skills.languages())
                    .as("languages of the agent answering %s", language)
                    .contains(language);
            if (c.category() == Category.COMPLAINT || !c.riskFlags().isEmpty()) {
                assertThat(skills.complaintHandling())
                        .as("complaint handling for %s", id)
                        .isTrue();
            }
            if (c.channel().equals(CARDS) && language.equals("en")) {
                assertThat(skills.businessUnits()).as("cards skill for %s", id).contains("cards");
            }
        }
        assertThat(morning.stream()
                        .map(id -> desk.conversation(id).orElseThrow().category()))
                .contains(Category.COMPLAINT);
    }

    @Test
    void beyondTheFloorsCapacityConversationsWaitAndGoToWhoeverFreesASlot() {
        int capacity = floor.stream().mapToInt(Agent::capacity).sum();
        arrive(capacity + 40);

        Map<AgentId, Integer> load = loads();
        for (Agent a : floor) {
            assertThat(load.get(a.id())).as("load of %s", a.id()).isEqualTo(a.capacity());
        }
        List<Conversation> waiting = desk.queue(FLOOR, 1_000);
        assertThat(waiting).hasSize(40);

        Agent freed = floor.get(5);
        Conversation done = desk.assignedTo(freed.id()).get(0);
        desk.reply(done.id(), freed.id(), "Done, anything else?");
        desk.resolve(done.id(), freed.id());

        assertThat(desk.queue(FLOOR, 1_000)).hasSize(39).doesNotContain(waiting.get(0));
        assertThat(desk.conversation(waiting.get(0).id()).orElseThrow().assignee())
                .contains(freed.id());
        assertThat(desk.assignedTo(freed.id())).hasSize(freed.capacity());
    }

    /** {@code n} new customers write, 20 per ingested batch, a few seconds apart. */
    private List<ConversationId> arrive(int n) {
        List<ConversationId> ids = new ArrayList<>();
        List<InboundMessage> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            String language = r < 0.60 ? "en" : r < 0.85 ? "es" : "fr";
            ChannelId channel = random.nextDouble() < 0.33 ? CARDS : CARE;
            String text = random.nextDouble() < 0.2 ? COMPLAINTS.get(language) : TEXTS.get(language)[random.nextInt(3)];
            int customer = ++customers;
            batch.add(StoryKit.publicMessage(
                    "m" + customer,
                    channel,
                    StoryKit.customer("c" + customer, "customer" + customer, 100),
                    text,
                    language,
                    clock.instant()));
            clock.advance(Duration.ofSeconds(3));
            if (batch.size() == 20 || i == n - 1) {
                ids.addAll(desk.ingest(Batch.of(batch)).touched());
                batch.clear();
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(n);
        return ids;
    }

    private Map<AgentId, Integer> loads() {
        return floor.stream().collect(Collectors.toMap(Agent::id, a -> desk.assignedTo(a.id())
                .size()));
    }

    /** 30 agents: all speak English, 0-7 also Spanish, 8-11 also French, 20-29 know cards, even ones handle complaints. */
    private static List<Agent> agents() {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Set<String> languages = new HashSet<>(Set.of("en"));
            if (i < 8) {
                languages.add("es");
            } else if (i < 12) {
                languages.add("fr");
            }
            Set<String> units = i >= 20 ? Set.of("cards") : Set.of();
            out.add(Agent.of(String.format("agent%02d", i), "Agent " + i, "A" + i, FLOOR)
                    .withSkills(Skills.of(languages, units, i % 2 == 0))
                    .withCapacity(10 + (i % 3) * 4));
        }
        return List.copyOf(out);
    }

    private CareDesk desk() {
        CareDesk.Builder b = CareDesk.builder()
                .publishers(RecordingPublisher.twitterAndFacebook())
                .clock(clock)
                .storage(storage)
                .team(Team.of(FLOOR.value(), "Care floor"))
                .channel(Channel.of(
                        CARE.value(), Platform.TWITTER, "NorthbankHelp", "101", ChannelKind.DEDICATED_CARE, FLOOR))
                .channel(Channel.of(
                                CARDS.value(),
                                Platform.TWITTER,
                                "NorthbankCards",
                                "102",
                                ChannelKind.BUSINESS_UNIT,
                                FLOOR)
                        .withBusinessUnit("cards"))
                .routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                        .autoAssign(true)
                        .build());
        floor.forEach(b::agent);
        return b.build();
    }
}
