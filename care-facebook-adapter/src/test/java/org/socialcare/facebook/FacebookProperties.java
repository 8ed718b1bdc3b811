package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socialcare.facebook.TestPages.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.facebook.WebhookPayloads;
import org.socialcare.testkit.MutableClock;

class FacebookProperties {
    private final MutableClock clock = new MutableClock(NOW);
    private final FacebookWebhookHandler handler =
            new FacebookWebhookHandler(List.of(config()), new MessengerWindow(Duration.ofHours(24), clock), clock);

    @Property(tries = 200)
    void anyCommentTextSurvivesTheSignedWebhookUnchanged(@ForAll @StringLength(max = 400) String text) {
        String body =
                WebhookPayloads.commentAdded(PAGE_ID, PAGE_ID + "_1", "1_2", PAGE_ID + "_1", "700", "Ann", text, NOW);

        List<InboundMessage> messages = handler.handle(WebhookPayloads.signedRequest("/fb", body, APP_SECRET))
                .batches()
                .get(0)
                .messages();

        assertThat(messages).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(text));
    }

    @Property(tries = 200)
    void changingAnyByteOfASignedBodyIsRejected(
            @ForAll @StringLength(min = 1, max = 200) String text,
            @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] body = WebhookPayloads.commentAdded(
                        PAGE_ID, PAGE_ID + "_1", "1_2", PAGE_ID + "_1", "700", "Ann", text, NOW)
                .getBytes(StandardCharsets.UTF_8);
        String signature = FacebookWebhookHandler.signature(APP_SECRET, body);
        body[at % body.length] ^= (byte) flip;
        WebhookRequest tampered = new WebhookRequest(
                "POST",
                "/fb",
                java.util.Map.of(FacebookWebhookHandler.SIGNATURE_HEADER, List.of(signature)),
                java.util.Map.of(),
                body);

        WebhookRejectedException e =
                catchThrowableOfType(WebhookRejectedException.class, () -> handler.handle(tampered));

        assertThat(e).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(401);
    }

    @Property(tries = 100)
    void checkpointPositionsSurviveTheirTextForm(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long feed,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long inbox,
            @ForAll Optional<@StringLength(min = 1, max = 40) String> cursor,
            @ForAll @Size(max = 5) java.util.Set<@StringLength(min = 1, max = 30) String> ids,
            @ForAll boolean paging) {
        RestFbChannelSource.Mark feedMark = new RestFbChannelSource.Mark(Instant.ofEpochSecond(feed), ids);
        RestFbChannelSource.Position p = new RestFbChannelSource.Position(
                feedMark,
                cursor,
                paging
                        ? Optional.of(new RestFbChannelSource.Mark(Instant.ofEpochSecond(feed + 5), ids))
                        : Optional.empty(),
                new RestFbChannelSource.Mark(Instant.ofEpochSecond(inbox), ids));

        assertThat(RestFbChannelSource.Position.parse(p.format())).contains(p);
    }

    @Property(tries = 200)
    void checkpointsWithGraphCursorsAndIdsStayUnderTheStoresLimit(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long t,
            @ForAll
                    @StringLength(min = 1, max = 200)
                    @net.jqwik.api.constraints.Chars({'+', '/', '='})
                    @AlphaChars
                    @NumericChars
                    String base64Cursor) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < RestFbChannelSource.Mark.MAX_IDS; i++) {
            ids.add("10152279886765544_1015228024230" + String.format("%04d", i));
        }
        RestFbChannelSource.Mark mark = new RestFbChannelSource.Mark(Instant.ofEpochSecond(t), ids);
        RestFbChannelSource.Position p =
                new RestFbChannelSource.Position(mark, Optional.of(base64Cursor), Optional.of(mark), mark);

        assertThat(p.format().length()).isLessThanOrEqualTo(3 * 20 * 40 + 600);
        assertThat(RestFbChannelSource.Position.parse(p.format())).contains(p);
    }

    @Property(tries = 300)
    void noAccessTokenSurvivesRedaction(
            @ForAll @AlphaChars @NumericChars @Size(min = 6) @StringLength(min = 6, max = 250) String token,
            @ForAll @IntRange(min = 0, max = 2) int shape) {
        String text =
                switch (shape) {
                    case 0 ->
                        "https://graph.facebook.com/v1.0/74133697733/feed?fields=id&access_token=" + token
                                + "&limit=25";
                    case 1 -> "{\"access_token\":\"" + token + "\"}";
                    default -> "Authorization: Bearer " + token;
                };

        assertThat(Redactor.generic().redact(text)).doesNotContain(token);
    }
}
