package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.triage.MessageClassifier;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.domain.triage.TriageResult;
import org.socialcare.core.memory.InMemoryStorage;

/** A bank's own classifier plugs in behind {@link MessageClassifier} and decides what the desk sees. */
class CustomClassifierDeskTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final TeamId CARE = TeamId.of("care");
    private static final Channel TWITTER =
            Channel.of("tw-care", Platform.TWITTER, "MyBank_Help", "100", ChannelKind.DEDICATED_CARE, CARE);

    private final AtomicInteger calls = new AtomicInteger();
    private final Triage rules = Triage.ofDefaults();

    /** The bank's "model": reads "daylight robbery" as a complaint about fraud, else defers to the rules. */
    private final MessageClassifier bankModel = message -> {
        calls.incrementAndGet();
        TriageResult r = rules.classify(message);
        if (!message.text().toLowerCase().contains("daylight robbery")) {
            return r;
        }
        EnumSet<RiskFlag> flags = EnumSet.of(RiskFlag.FRAUD);
        flags.addAll(r.riskFlags());
        return new TriageResult(
                Category.COMPLAINT,
                r.sentiment(),
                r.sentimentScore(),
                flags,
                r.influence(),
                r.language(),
                r.detectedLanguage(),
                r.sensitiveData(),
                r.priority(),
                r.reasons());
    };

    private CareDesk desk(MessagePolicies policies) {
        AtomicInteger ids = new AtomicInteger();
        return CareDesk.builder()
                .clock(Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC))
                .ids(() -> "id" + ids.incrementAndGet())
                .storage(InMemoryStorage.create())
                .messagePolicies(policies)
                .team(Team.of("care", "Social care"))
                .channel(TWITTER)
                .publishers(TestPublisher.twitterAndFacebook())
                .agent(Agent.of("ab1", "Anna Bell", "AB", CARE))
                .build();
    }

    private static Conversation ingest(CareDesk desk, String text) {
        InboundMessage m = InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, "t1"),
                        TWITTER.id(),
                        Party.of("42", "janedoe").withFollowers(310))
                .text(text)
                .createdAt(T0)
                .build();
        ConversationId id = desk.ingest(Batch.of(List.of(m))).touched().get(0);
        return desk.conversation(id).orElseThrow();
    }

    @Test
    void theRulesAloneMissAComplaintWithoutAListedPhrase() {
        Conversation c = ingest(desk(MessagePolicies.ofDefaults()), "Your overdraft fees are daylight robbery");
        assertThat(c.category()).isEqualTo(Category.OTHER);
        assertThat(c.riskFlags()).doesNotContain(RiskFlag.FRAUD);
    }

    @Test
    void aBanksOwnClassifierDecidesTheCategoryAndRisksOfEachMessage() {
        CareDesk desk = desk(MessagePolicies.builder().classifier(bankModel).build());
        Conversation c = ingest(desk, "Your overdraft fees are daylight robbery");
        assertThat(calls).hasValue(1);
        assertThat(c.category()).isEqualTo(Category.COMPLAINT);
        assertThat(c.riskFlags()).contains(RiskFlag.FRAUD);
    }

    @Test
    void theRuleBasedTriageIsTheDefaultClassifier() {
        MessagePolicies defaults = MessagePolicies.ofDefaults();
        assertThat(defaults.classifier()).isSameAs(defaults.triage());
    }
}
