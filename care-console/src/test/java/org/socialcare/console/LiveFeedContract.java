package org.socialcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Team;
import org.socialcare.examples.demo.BankSetup;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the console promises whatever its database: with the feed on, the demo's customers keep writing and their
 * messages reach the team queues through the emulated platforms (Twitter polled, Facebook by signed webhook), with
 * no one but people working them.
 */
abstract class LiveFeedContract {
    @Autowired
    CareDesk desk;

    @Autowired
    DemoClock clock;

    @Test
    void customersKeepWritingAndTheirMessagesWaitInTheTeamQueues() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Set<ChannelId> channels = Set.of();
        while (System.nanoTime() < deadline) {
            channels = queued().stream().map(Conversation::channel).collect(Collectors.toSet());
            if (channels.contains(BankSetup.FACEBOOK_PAGE)
                    && channels.contains(BankSetup.TWITTER_CARE)
                    && channels.contains(BankSetup.TWITTER_CARDS)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(channels)
                .as("the morning's customers on the page (webhooks) and two Twitter accounts (polling)")
                .contains(BankSetup.FACEBOOK_PAGE, BankSetup.TWITTER_CARE, BankSetup.TWITTER_CARDS);
        int before = queued().size();
        java.time.Instant simulatedBefore = clock.instant();
        Thread.sleep(3000);
        assertThat(clock.instant()).isAfter(simulatedBefore.plusSeconds(60)); // 3 s at 30x: 90 simulated seconds
        List<Conversation> queued = queued();
        assertThat(queued.size()).isGreaterThanOrEqualTo(before);
        // nobody claimed them: the console leaves the work to people
        assertThat(queued).allSatisfy(c -> assertThat(c.assignee()).isEmpty());
        Conversation one = queued.get(0);
        assertThat(desk.history(one.id())).anyMatch(e -> e.action() == AuditAction.MESSAGE_RECEIVED);
    }

    private List<Conversation> queued() {
        return desk.teams().stream()
                .map(Team::id)
                .flatMap(t -> desk.queue(t, 1000).stream())
                .toList();
    }
}
