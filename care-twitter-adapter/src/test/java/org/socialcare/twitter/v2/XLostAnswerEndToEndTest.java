package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.DispatchResult;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.emulators.x.XApiEmulator.LostAnswer;

/**
 * X API v2 through a real desk: a DM whose connection drops after X stored it is UNKNOWN, found among the
 * account's DM events before it is sent again, recorded sent with X's id, held once by X, and its echo on the
 * next poll is matched, so the hijack guard stays quiet.
 */
class XLostAnswerEndToEndTest {
    private static final TeamId TEAM = TeamId.of("social");
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final XApiConfig config =
            XTestSupport.config(emulator, XTestSupport.oauth2(emulator)).build();
    private final CareDesk desk = CareDesk.builder()
            .storage(InMemoryStorage.create())
            .settings(DeskSettings.ofDefaults().withRetry(Duration.ofMillis(1), Duration.ofMillis(2)))
            .team(Team.of(TEAM.value(), "Social care"))
            .agent(Agent.of("ana", "Ana", "AN", TEAM))
            .channel(XTestSupport.channel(emulator))
            .publisher(XChannelPublisher.forAccount(config))
            .build();
    private final XApiEmulator.User customer = emulator.user("1900000000000000777", "jane_doe", "Jane Doe", 10, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aDirectMessageWhoseConnectionDroppedIsFoundNotSentTwiceAndItsEchoIsMatched() throws InterruptedException {
        XChannelSource dms = XChannelSource.directMessages(config);
        emulator.directMessageFrom(customer, "my card was swallowed by the ATM", Instant.now());
        desk.poll(dms);
        Conversation c = desk.queue(TEAM, 10).get(0);
        desk.claim(c.id(), AgentId.of("ana"));
        Reply queued = desk.sendPrivate(c.id(), AgentId.of("ana"), "Hi Jane, which branch was it? ^AN");
        emulator.loseNextAnswers(LostAnswer.dropped());

        DispatchResult first = desk.dispatchOutbox();
        assertThat(first.held()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).hasSize(1);

        Thread.sleep(20);
        assertThat(desk.dispatchOutbox().sent()).isEqualTo(1);
        assertThat(emulator.sentDirectMessages()).as("one copy on X").hasSize(1);
        assertThat(emulator.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().contains("/dm_conversations/"))
                .hasSize(1);
        Reply after = desk.replies(c.id()).stream()
                .filter(r -> r.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
        assertThat(after.platformMessageId())
                .contains(emulator.sentDirectMessages().get(0).id());

        var polled = desk.poll(dms).ingested();
        assertThat(polled.echoes()).isEqualTo(1);
        assertThat(polled.stored()).isZero();
        assertThat(desk.health(XTestSupport.CHANNEL).state()).isNotEqualTo(HealthState.PAUSED);
    }
}
