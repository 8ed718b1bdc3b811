package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.emulators.x.XApiEmulator.Fault;

/** What replay and ingest rely on in v2 payloads: big ids, long posts, author influence, visibility, parents. */
class XChannelSourceTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final XApiEmulator.User jane = emulator.user("1900000000000000501", "jane_doe", "Jane Doe", 48_000, true);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private XChannelSource mentions() {
        return XChannelSource.mentions(
                XTestSupport.config(emulator, XTestSupport.oauth2(emulator)).build());
    }

    private XChannelSource dms() {
        return XChannelSource.directMessages(
                XTestSupport.config(emulator, XTestSupport.oauth2(emulator)).build());
    }

    @Test
    void idsAbove2To53SurviveExactly() {
        String id = emulator.mention(jane, "card declined");
        assertThat(Long.parseLong(id)).isGreaterThan(1L << 53);
        assertThat((long) (double) Long.parseLong(id))
                .as("the id is not a double")
                .isNotEqualTo(Long.parseLong(id));

        Batch b = mentions().poll(Optional.empty());

        assertThat(b.messages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(id);
            assertThat(m.author().platformUserId()).isEqualTo("1900000000000000501");
        });
        assertThat(b.nextCheckpoint().map(Checkpoint::position)).contains("since=" + id);
    }

    @Test
    void longPostsComeWithTheirFullNoteTweetText() {
        String tail = "and that is why I am closing my account END";
        String text = "x".repeat(300) + " " + tail;
        emulator.mention(jane, text);

        InboundMessage m = mentions().poll(Optional.empty()).messages().get(0);

        assertThat(m.text()).endsWith(tail).contains("x".repeat(300));
        assertThat(m.text().length()).isGreaterThan(280);
    }

    @Test
    void authorCarriesFollowersAndVerifiedForInfluence() {
        emulator.mention(jane, "help");

        InboundMessage m = mentions().poll(Optional.empty()).messages().get(0);

        assertThat(m.author().handle()).isEqualTo("jane_doe");
        assertThat(m.author().followerCount()).isEqualTo(48_000);
        assertThat(m.author().verified()).isTrue();
        assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(m.inReplyTo()).isEmpty();
    }

    @Test
    void aReplyNamesItsParent() {
        String parent = emulator.mention(jane, "first");
        String reply = emulator.replyTo(jane, parent, "still waiting");

        List<InboundMessage> ms = mentions().poll(Optional.empty()).messages();

        assertThat(ms)
                .filteredOn(m -> m.key().messageId().equals(reply))
                .singleElement()
                .satisfies(m -> assertThat(m.inReplyTo()).contains(parent));
    }

    @Test
    void directMessagesArePrivateWithTheSenderAndOwnOnesAreEchoes() {
        Instant at = Instant.parse("2026-03-02T10:15:30Z");
        String in = emulator.directMessageFrom(jane, "my card number is in the app", at);
        String out = emulator.directMessageTo(jane, "We'll call you back");

        Batch b = dms().poll(Optional.empty());

        assertThat(b.messages()).singleElement().satisfies(m -> {
            assertThat(m.key().messageId()).isEqualTo(in);
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().platformUserId()).isEqualTo(jane.id());
            assertThat(m.author().followerCount()).isEqualTo(48_000);
            assertThat(m.createdAt()).isEqualTo(at);
        });
        assertThat(b.ownMessages()).singleElement().satisfies(o -> {
            assertThat(o.key().messageId()).isEqualTo(out);
            assertThat(o.visibility()).isEqualTo(Visibility.PRIVATE);
        });
    }

    @Test
    void rateLimitSurfacesWithTheResetTimeAndLeavesTheCheckpoint() {
        Instant reset = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        emulator.failNext(Fault.rateLimited(reset));

        PlatformException e =
                catchThrowableOfType(PlatformException.class, () -> mentions().poll(Optional.empty()));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).contains(reset);
    }

    @Test
    void aCheckpointFromTheV11SourceResumesWithoutRepeats() {
        emulator.mention(jane, "old");
        String newest = emulator.mention(jane, "older but seen");
        String fresh = emulator.mention(jane, "new");
        // the twitter4j source stored "since=<id>" under the same source id
        Checkpoint v11 = new Checkpoint(mentions().sourceId(), "since=" + newest);

        Batch b = mentions().poll(Optional.of(v11));

        assertThat(b.messages()).extracting(m -> m.key().messageId()).containsExactly(fresh);
    }

    @Test
    void mentionsAskForTheFieldsTheMappingNeeds() {
        mentions().poll(Optional.empty());

        XApiEmulator.Request r = emulator.requests().get(0);
        assertThat(r.path()).isEqualTo("/2/users/" + emulator.account().id() + "/mentions");
        assertThat(java.net.URLDecoder.decode(r.query(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("expansions=author_id,referenced_tweets.id")
                .contains("note_tweet")
                .contains("conversation_id")
                .contains("referenced_tweets")
                .contains("created_at")
                .contains("user.fields=public_metrics,verified");
    }
}
