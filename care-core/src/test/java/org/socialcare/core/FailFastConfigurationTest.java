package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.memory.InMemoryChannelStateStore;
import org.socialcare.core.memory.InMemoryEscalationFiringStore;
import org.socialcare.core.memory.InMemoryStorage;

/** Settings that would lose work silently are refused at build time, naming the setting. */
class FailFastConfigurationTest {
    private static final TeamId CARE = TeamId.of("care");
    private static final Channel TWITTER =
            Channel.of("twitter-care", Platform.TWITTER, "AskBank", "900", ChannelKind.DEDICATED_CARE, CARE);
    private static final Channel PAGE = Channel.of("fb-page", Platform.FACEBOOK, "Bank", "p1", ChannelKind.BRAND, CARE);

    private static CareDesk.Builder desk() {
        return CareDesk.builder().team(Team.of("care", "Care")).agent(Agent.of("ab", "Alice Brown", "AB", CARE));
    }

    @Test
    void aChannelWithoutAPublisherFailsTheBuildNamingTheChannel() {
        assertThatThrownBy(() -> desk().channel(TWITTER)
                        .channel(PAGE)
                        .publisher(TestPublisher.on(Platform.TWITTER))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'fb-page'")
                .hasMessageContaining("receiveOnly")
                .message()
                .doesNotContain("'twitter-care'");
    }

    @Test
    void aChannelsOwnPublisherIsEnoughWithoutOneForItsPlatform() {
        CareDesk built = desk().channel(PAGE)
                .publisher(PAGE.id(), TestPublisher.on(Platform.FACEBOOK))
                .build();

        assertThat(built.channels()).extracting(Channel::id).containsExactly(PAGE.id());
    }

    @Test
    void aReceiveOnlyChannelBuildsWithoutAPublisherAndRefusesReplies() {
        CareDesk built = desk().channel(TWITTER).receiveOnly(TWITTER.id()).build();
        ConversationId id = built.ingest(Batch.of(
                        List.of(new DeskFixture().tweet("1", DeskFixture.ANNA, "@AskBank my card is blocked"))))
                .touched()
                .get(0);
        built.claim(id, org.socialcare.core.domain.AgentId.of("ab"));

        assertThatThrownBy(() -> built.reply(id, org.socialcare.core.domain.AgentId.of("ab"), "We will look"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("receive-only");
        assertThat(built.replies(id)).isEmpty();
    }

    @Test
    void receiveOnlyForAChannelNotConfiguredFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> desk().channel(TWITTER)
                        .receiveOnly(TWITTER.id())
                        .receiveOnly(ChannelId.of("nowhere"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nowhere'");
    }

    @Test
    void inMemoryOverridesOfAnInMemoryStorageAreFine() {
        CareDesk built = desk().channel(TWITTER)
                .receiveOnly(TWITTER.id())
                .storage(InMemoryStorage.create())
                .channelStates(new InMemoryChannelStateStore())
                .escalationFirings(new InMemoryEscalationFiringStore())
                .build();

        assertThat(built.channels()).hasSize(1);
    }
}
