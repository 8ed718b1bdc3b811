package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

/**
 * The replay reader over small payloads written for these tests (shapes after Twitter's v1.1 documentation and
 * the emulator's output; none is a recorded payload). The recorded ones are read by {@code TwitterFixturesTest}.
 */
class TwitterPayloadReaderTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 77, true);
    private final TwitterPayloadReader reader = TwitterPayloadReader.create();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void accountActivityBodySeparatesCustomerAndOwnByForUserId() {
        long c = emulator.mention(customer, "hello");
        long own = emulator.ownTweetMentioningItself("We're on it");
        PayloadReading r = reader.read(emulator.tweetCreateEvents(c, own));
        assertThat(r.customerMessages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(Long.toString(c));
            assertThat(m.author().verified()).isTrue();
            assertThat(m.channel()).isEqualTo(TwitterPayloadReader.REPLAY_CHANNEL);
        });
        assertThat(r.ownMessages()).extracting(o -> o.key().messageId()).containsExactly(Long.toString(own));
    }

    @Test
    void ownMessagesByConfiguredAccountOutsideWebhookBodies() {
        long own = emulator.ownTweetMentioningItself("We're on it");
        String status = emulator.tweetCreateEvents(own);
        String single = status.substring(status.indexOf('[') + 1, status.lastIndexOf(']'));
        TwitterPayloadReader asBank =
                TwitterPayloadReader.forChannel(TwitterTestSupport.CHANNEL, Optional.of("1001"), false);
        assertThat(asBank.read(single).ownMessages()).hasSize(1);
        assertThat(reader.read(single).customerMessages()).hasSize(1); // without the account it cannot know
    }

    @Test
    void shortLinksAreExpandedAndHtmlEntitiesUnescaped() {
        // written for this test after the v1.1 status documentation; not a recorded payload
        String status =
                "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":77,\"full_text\":\"@bankcare fees &amp; charges? https://t.co/AbC\","
                        + "\"truncated\":false,\"display_text_range\":[0,46],\"entities\":{\"urls\":[{\"url\":\"https://t.co/AbC\","
                        + "\"expanded_url\":\"https://www.bank.com/fees\",\"display_url\":\"bank.com/fees\",\"indices\":[30,46]}],"
                        + "\"user_mentions\":[],\"hashtags\":[],\"symbols\":[]},\"user\":{\"id\":501,\"screen_name\":\"jane_doe\",\"followers_count\":3},"
                        + "\"lang\":\"und\"}";
        PayloadReading r = reader.read(status);
        assertThat(r.customerMessages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("@bankcare fees & charges? https://www.bank.com/fees");
            assertThat(m.language()).isEmpty(); // "und" means Twitter could not tell
        });
    }

    @Test
    void errorsBodyIsANoticeWithCodeAndMessage() {
        PayloadReading r = reader.read("{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}");
        assertThat(r.customerMessages()).isEmpty();
        assertThat(r.notices()).containsExactly("Twitter API error code 88: Rate limit exceeded");
    }

    @Test
    void retweetIsSkippedWithTheReason() {
        long own = emulator.ownTweetMentioningItself("New branch hours");
        long rt = emulator.retweet(customer, own);
        PayloadReading r = reader.read(emulator.tweetCreateEvents(rt));
        assertThat(r.customerMessages()).isEmpty();
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.what()).contains(Long.toString(rt));
            assertThat(s.reason()).contains("retweet of status " + own);
        });
    }

    @Test
    void directMessageEventsAreBothWays() {
        long in = emulator.directMessageFromCustomer(customer, "hi");
        long out = emulator.directMessageFromAccount(501, "hello", "777");
        PayloadReading r = reader.read(emulator.directMessageEvents(in, out));
        assertThat(r.customerMessages()).singleElement().satisfies(m -> assertThat(m.visibility())
                .isEqualTo(Visibility.PRIVATE));
        assertThat(r.ownMessages()).singleElement().satisfies(o -> assertThat(o.sourceApp())
                .contains("777"));
    }

    @Test
    void ndjsonStreamIsReadLineByLine() {
        long c = emulator.mention(customer, "hello");
        String body = emulator.tweetCreateEvents(c);
        String status = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
        PayloadReading r = reader.read(
                status + "\n{\"limit\":{\"track\":12}}\n{\"delete\":{\"status\":{\"id\":9,\"user_id\":501}}}\n");
        assertThat(r.customerMessages()).hasSize(1);
        assertThat(r.notices()).hasSize(2);
    }

    @Test
    void malformedJsonNamesTheOffset() {
        assertThatThrownBy(() -> reader.read("{\"id\": 12, \"text\": "))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$"))
                .hasMessageContaining("offset");
    }

    @Test
    void brokenStreamLineIsNamed() {
        assertThatThrownBy(() -> reader.read("{\"limit\":{\"track\":1}}\n{\"limit\":\n"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("line 2"));
    }

    @Test
    void unrecognisedObjectIsMalformed() {
        assertThatThrownBy(() -> reader.read("{\"hello\":\"world\"}"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$"))
                .hasMessageContaining("[hello]");
        assertThatThrownBy(() -> reader.read("42")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> reader.read("   ")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> reader.read("[1,2]"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$[0]"));
    }

    @Test
    void statusWithoutAuthorIsMalformedNamingTheField() {
        assertThatThrownBy(() -> reader.read(
                        "[{\"id\":5,\"text\":\"x\",\"user\":null,\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\"}]"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.field())
                        .isEqualTo("$[0].user"));
    }
}
