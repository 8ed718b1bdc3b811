package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ConversationState;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.CareStorage;

/** Any conversation, saved and read back from H2, is the conversation saved, instants at microseconds. */
class ConversationRoundTripProperties {
    private static final TestDatabase DB = TestDatabase.h2();
    private static final CareStorage STORAGE = DB.newStorage().storage();

    @AfterContainer
    static void close() {
        DB.close();
    }

    @Property(tries = 150)
    void everyConversationRoundTrips(@ForAll("conversations") Conversation generated) {
        Conversation c = generated
                .copy()
                .id(ConversationId.of(UUID.randomUUID().toString()))
                .build();
        Conversation saved = STORAGE.conversations().save(c);

        assertThat(STORAGE.conversations().find(c.id())).contains(saved);
        assertThat(saved).isEqualTo(JdbcConversationStore.stored(c).withVersion(1));
    }

    @Provide
    Arbitrary<Conversation> conversations() {
        Arbitrary<String> text = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(60)
                .withCharRange('\u0001', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD');
        Arbitrary<String> ids = text.filter(s -> !s.isBlank());
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(
                        Instant.parse("1970-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L,
                        Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L)
                .map(n -> Instant.ofEpochSecond(0, n));
        Arbitrary<Optional<Instant>> optInstants = instants.optional();
        Arbitrary<Party> parties = Combinators.combine(
                        ids,
                        text,
                        text.optional(),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.of(true, false))
                .as(Party::new);
        Arbitrary<Set<RiskFlag>> flags = Arbitraries.of(RiskFlag.class)
                .set()
                .map(s -> s.isEmpty() ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(s));
        Arbitrary<Conversation.Builder> base = Combinators.combine(
                        parties,
                        Arbitraries.of(ConversationState.class),
                        Arbitraries.of(Priority.class),
                        Arbitraries.of(Category.class),
                        flags,
                        ids.map(TeamId::of).optional(),
                        ids.map(AgentId::of).optional(),
                        instants)
                .as((p, s, pr, cat, f, team, agent, opened) -> start(p, opened)
                        .copy()
                        .state(s)
                        .priority(pr)
                        .category(cat)
                        .riskFlags(f)
                        .team(team)
                        .assignee(agent));
        return Combinators.combine(
                        base, instants, optInstants, optInstants, optInstants, optInstants, optInstants, optInstants)
                .as((b, last, awaiting, first, agentReply, resolved, responseDue, resolutionDue) ->
                        b.lastCustomerMessageAt(last)
                                .awaitingResponseSince(awaiting)
                                .firstResponseAt(first)
                                .lastAgentReplyAt(agentReply)
                                .resolvedAt(resolved)
                                .responseDueAt(responseDue)
                                .resolutionDueAt(resolutionDue))
                .flatMap(b -> Combinators.combine(
                                Arbitraries.of(true, false),
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                                Arbitraries.of("en", "de-CH", "zh-Hant-TW").optional(),
                                Arbitraries.integers().between(0, 1000))
                        .as((pub, priv, count, lang, streak) -> b.publicLeg(pub)
                                .privateLeg(priv)
                                .customerMessageCount(count)
                                .language(lang)
                                .negativeStreak(streak)
                                .build()));
    }

    private static Conversation start(Party customer, Instant opened) {
        Instant at = opened;
        return new Conversation(
                ConversationId.of("generated"),
                ChannelId.of("twitter-care"),
                customer,
                ConversationState.NEW,
                Priority.NORMAL,
                Category.OTHER,
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                at,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty(),
                0,
                0);
    }
}
