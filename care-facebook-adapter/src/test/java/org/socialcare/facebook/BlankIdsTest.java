package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.APP_SECRET;
import static org.socialcare.facebook.TestPages.NOW;
import static org.socialcare.facebook.TestPages.PAGE_ID;
import static org.socialcare.facebook.TestPages.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.testkit.MutableClock;

/** Found by the CI-sized fuzz run: an item with an empty author or message id is a rejected payload, not a crash. */
class BlankIdsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final FacebookWebhookHandler handler =
            new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);

    @Test
    void aCommentWithABlankAuthorIdIsRejectedAndKept() {
        Batch batch = only(comment("c_1", ""));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("blank author id"))
                .satisfies(r -> assertThat(r.rawPayload()).contains("Great service"));
    }

    @Test
    void aCommentWithABlankIdIsRejectedAndKept() {
        Batch batch = only(comment("", "42"));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("comment_id"));
    }

    private Batch only(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        WebhookResult result = handler.handle(new WebhookRequest(
                "POST",
                "/webhooks/facebook",
                Map.of(
                        FacebookWebhookHandler.SIGNATURE_HEADER,
                        List.of(FacebookWebhookHandler.signature(APP_SECRET, bytes))),
                Map.of(),
                bytes));
        assertThat(result.batches()).hasSize(1);
        return result.batches().get(0);
    }

    private static String comment(String commentId, String authorId) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID + "\",\"time\":1772452800,\"changes\":[{"
                + "\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"" + authorId + "\",\"name\":\"Jane Doe\"},"
                + "\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"" + commentId + "\","
                + "\"post_id\":\"" + PAGE_ID + "_1\",\"parent_id\":\"" + PAGE_ID + "_1\","
                + "\"message\":\"Great service\",\"created_time\":1772452800}}]}]}";
    }
}
