package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.testkit.MutableClock;

/** Facebook delivers webhooks at least once and in any order: three Messenger messages, each three times, newest first. */
class FacebookWebhookRedeliveryTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final CareStorage storage = InMemoryStorage.create();
    private final CareDesk desk = CareDesk.builder()
            .clock(clock)
            .storage(storage)
            .team(Team.of(TEAM.value(), "Care"))
            .channel(channel())
            .receiveOnly(CHANNEL_ID)
            .build();
    private final FacebookWebhookHandler handler =
            new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);

    @Test
    void eachMessengerMessageDeliveredThreeTimesOutOfOrderIsStoredOnceInCreationOrder() {
        Instant t = NOW.minus(Duration.ofMinutes(5));
        String[][] messages = {
            {"m_1", "my card is blocked", "0"}, {"m_2", "I am abroad", "30"}, {"m_3", "please help", "60"}
        };
        for (int round = 0; round < 3; round++) {
            for (int i : new int[] {2, 0, 1}) {
                String body = WebhookPayloads.messengerMessage(
                        PAGE_ID, "801", messages[i][0], messages[i][1], t.plusSeconds(Long.parseLong(messages[i][2])));
                assertThat(desk.webhook(handler, WebhookPayloads.signedRequest("/fb", body, APP_SECRET))
                                .status())
                        .isEqualTo(200);
            }
        }

        Conversation c =
                storage.conversations().findLatestOfCustomer(CHANNEL_ID, "801").orElseThrow();
        List<StoredMessage> stored = desk.messages(c.id());
        assertThat(stored)
                .extracting(StoredMessage::text)
                .containsExactly("my card is blocked", "I am abroad", "please help");
        assertThat(stored).extracting(m -> m.key().messageId()).containsExactly("m_1", "m_2", "m_3");
    }
}
