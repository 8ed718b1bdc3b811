package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socialcare.facebook.TestPages.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.testkit.MutableClock;

/** The replay reader over small payloads written from Facebook's documentation (the real ones run with -Pci). */
class FacebookPayloadReaderTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final FacebookPayloadReader reader = new FacebookPayloadReader(CHANNEL_ID, Optional.of(PAGE_ID), clock);
    private final FacebookPayloadReader replay = FacebookPayloadReader.forReplay();

    @Test
    void readsAWebhookWithCustomerAndOwnMessages() {
        long t = NOW.getEpochSecond();
        String body = pageWebhook(
                        changesEntry(
                                PAGE_ID,
                                t,
                                commentAdded("5_1", PAGE_ID + "_5", PAGE_ID + "_5", "700", "Ann", "Fees doubled?!", t),
                                commentAdded(
                                        "5_2", PAGE_ID + "_5", "5_1", PAGE_ID, PAGE_NAME, "Let us check ^AB", t + 1)),
                        messagingEntry(
                                PAGE_ID,
                                t * 1000,
                                messengerEcho("9001", PAGE_ID, "m_1", "Hello from the bank", t * 1000, APP_ID)))
                .toString();

        PayloadReading r = reader.read(body);

        assertThat(r.customerMessages()).extracting(m -> m.key().messageId()).containsExactly("5_1");
        assertThat(r.ownMessages()).extracting(o -> o.key().messageId()).containsExactly("5_2", "m_1");
        assertThat(r.ownMessages().get(1).visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void readsAGraphFeedPageWithCommentsAndReplies() {
        String feed =
                """
                {"data":[{"id":"%1$s_10","from":{"id":"801","name":"Vic"},"message":"ATM ate my card","created_time":"2026-03-02T10:00:00+0000",
                  "comments":{"data":[{"id":"10_11","from":{"id":"%1$s","name":"Bank"},"message":"Which branch?","created_time":"2026-03-02T10:05:00+0000",
                    "comments":{"data":[{"id":"10_12","from":{"id":"801","name":"Vic"},"message":"Main street","created_time":"2026-03-02T10:07:00+0000",
                      "attachment":{"type":"photo","media":{"image":{"src":"https://cdn.example/atm.jpg"}}}}]}}]}}],
                 "paging":{"cursors":{"before":"a","after":"b"},"next":"https://graph.facebook.com/v24.0/%1$s/feed?access_token=EAAsecret123456789&after=b"}}
                """
                        .formatted(PAGE_ID);

        PayloadReading r = reader.read(feed);

        assertThat(r.customerMessages()).extracting(m -> m.key().messageId()).containsExactly(PAGE_ID + "_10", "10_12");
        assertThat(r.customerMessages().get(1).inReplyTo()).contains("10_11");
        assertThat(r.customerMessages().get(1).text()).isEqualTo("Main street\n[photo] https://cdn.example/atm.jpg");
        assertThat(r.ownMessages()).extracting(o -> o.key().messageId()).containsExactly("10_11");
        assertThat(r.notices()).containsExactly("connection page has a next page (more results not in this payload)");
    }

    @Test
    void anErrorBodyIsANoticeWithItsCodeAndNoSecret() {
        PayloadReading r = replay.read(
                """
                {"error":{"message":"Invalid OAuth access token: EAAGsecretsecret1234","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"x"}}
                """);

        assertThat(r.customerMessages()).isEmpty();
        assertThat(r.notices()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("Graph error 190 OAuthException (subcode 463)"));
    }

    @Test
    void malformedOrUnrecognisedContentIsATypedErrorNamingThePlace() {
        MalformedPayloadException notJson =
                catchThrowableOfType(MalformedPayloadException.class, () -> replay.read("{\"object\":"));
        MalformedPayloadException unknown =
                catchThrowableOfType(MalformedPayloadException.class, () -> replay.read("{\"hello\":\"world\"}"));
        MalformedPayloadException scalar =
                catchThrowableOfType(MalformedPayloadException.class, () -> replay.read("42"));
        MalformedPayloadException missingMid = catchThrowableOfType(
                MalformedPayloadException.class,
                () -> replay.read(
                        "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[{\"sender\":{\"id\":\"2\"},\"message\":{\"text\":\"hi\"}}]}]}"));
        MalformedPayloadException empty =
                catchThrowableOfType(MalformedPayloadException.class, () -> replay.read("  "));

        assertThat(notJson.field()).isEqualTo("$");
        assertThat(unknown.getMessage())
                .contains("unrecognised Facebook payload")
                .contains("hello");
        assertThat(scalar.getMessage()).contains("a number");
        assertThat(missingMid.field()).isEqualTo("entry[0].messaging[0].message.mid");
        assertThat(empty.getMessage()).contains("empty");
    }

    @Test
    void withoutAConfiguredPageTheWebhookEntryTellsThePagesOwnMessages() {
        String body = pageWebhook(changesEntry(
                        "4242",
                        NOW.getEpochSecond(),
                        commentAdded(
                                "9_1",
                                "4242_9",
                                "4242_9",
                                "4242",
                                "Bank",
                                "Thanks for your patience",
                                NOW.getEpochSecond())))
                .toString();

        PayloadReading r = replay.read(body);

        assertThat(r.customerMessages()).isEmpty();
        assertThat(r.ownMessages()).hasSize(1);
    }
}
