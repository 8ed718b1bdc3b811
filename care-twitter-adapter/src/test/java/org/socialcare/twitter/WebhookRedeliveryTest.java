package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

/** Account Activity delivers at least once and in any order: three DMs, each delivered three times, newest first. */
class WebhookRedeliveryTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final CareDesk desk = TwitterTestSupport.desk(emulator, config);
    private final TwitterWebhookHandler webhook = TwitterWebhookHandler.forAccount(config);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 48_000, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void eachDirectMessageDeliveredThreeTimesOutOfOrderIsStoredOnceInCreationOrder() {
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        long first = emulator.directMessageFromCustomerAt(customer, "my card is blocked", t);
        long second = emulator.directMessageFromCustomerAt(customer, "I am abroad", t.plusSeconds(30));
        long third = emulator.directMessageFromCustomerAt(customer, "please help", t.plusSeconds(60));

        for (int round = 0; round < 3; round++) {
            for (long id : new long[] {third, first, second}) {
                String body = emulator.directMessageEvents(id);
                int status = desk.webhook(
                                webhook,
                                WebhookRequest.post(
                                        "/twitter",
                                        Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, emulator.webhookSignature(body)),
                                        body))
                        .status();
                assertThat(status).isEqualTo(200);
            }
        }

        List<Conversation> queue = desk.queue(TwitterTestSupport.TEAM, 10);
        assertThat(queue).hasSize(1);
        List<StoredMessage> stored = desk.messages(queue.get(0).id());
        assertThat(stored)
                .extracting(StoredMessage::text)
                .containsExactly("my card is blocked", "I am abroad", "please help");
        assertThat(stored)
                .extracting(m -> m.key().messageId())
                .containsExactly(Long.toString(first), Long.toString(second), Long.toString(third));
    }
}
