package org.socialcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code replay --platform x}: X API v2 responses and X Activity API bodies, written for this test from X's API
 * reference (not recorded payloads), with ids above 2^53 and a long post.
 */
class ReplayXTest {
    private static final String BANK = "1900000000000000000";
    private static final String ANNA = "1900000000000000501";
    private static final String LONG_TEXT =
            "@AskBank " + "I have been on hold for forty minutes again today. ".repeat(6)
                    + "Someone used my card 4539 1488 0343 6467 and I will sue END";

    private static final String MENTIONS =
            """
            {"data":[{"id":"1900000000000000123","author_id":"%s","conversation_id":"1900000000000000100",
              "created_at":"2026-03-02T09:05:00.000Z","text":"%s…",
              "note_tweet":{"text":"%s"},
              "referenced_tweets":[{"type":"replied_to","id":"1900000000000000100"}],"lang":"en",
              "edit_history_tweet_ids":["1900000000000000123"]}],
             "includes":{"users":[{"id":"%s","name":"Anna K","username":"anna_k","verified":true,
              "public_metrics":{"followers_count":250000,"following_count":10,"tweet_count":5,"listed_count":1}}]},
             "meta":{"result_count":1,"newest_id":"1900000000000000123","oldest_id":"1900000000000000123"}}
            """
                    .formatted(ANNA, LONG_TEXT.substring(0, 270), LONG_TEXT, ANNA);

    private static final String DM_EVENTS =
            """
            {"data":[
              {"id":"1900000000000000201","event_type":"MessageCreate","text":"We'll call you now","sender_id":"%s",
               "dm_conversation_id":"%s-%s","created_at":"2026-03-02T09:11:00.000Z"},
              {"id":"1900000000000000200","event_type":"MessageCreate","text":"please call me back","sender_id":"%s",
               "dm_conversation_id":"%s-%s","created_at":"2026-03-02T09:10:00.000Z"}],
             "includes":{"users":[{"id":"%s","name":"Anna K","username":"anna_k","verified":false,
              "public_metrics":{"followers_count":250000}}]},
             "meta":{"result_count":2}}
            """
                    .formatted(BANK, BANK, ANNA, ANNA, BANK, ANNA, ANNA);

    private static final String XAA_DM_RECEIVED =
            """
            {"data":{"event_uuid":"-6850472171600526495","filter":{"user_id":"%s"},"event_type":"dm.received",
             "tag":"dm-inbound","payload":{"direct_message_events":[{"type":"message_create","id":"1900000000000000300",
              "created_timestamp":"1772442900000","message_create":{"target":{"recipient_id":"%s"},"sender_id":"%s",
              "message_data":{"text":"my new card has not arrived","entities":{"hashtags":[],"symbols":[],
              "user_mentions":[],"urls":[]}}}}],
             "users":{"%s":{"data":{"id":"%s","username":"anna_k","name":"Anna K","verified":false,
              "public_metrics":{"followers_count":250000}}}}}}}
            """
                    .formatted(BANK, BANK, ANNA, ANNA, ANNA);

    private static final String XAA_DM_SENT = XAA_DM_RECEIVED
            .replace("\"dm.received\"", "\"dm.sent\"")
            .replace("\"sender_id\":\"" + ANNA + "\"", "\"sender_id\":\"" + BANK + "\"")
            .replace("\"recipient_id\":\"" + BANK + "\"", "\"recipient_id\":\"" + ANNA + "\"");

    private static final String RATE_LIMITED =
            "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path... files) {
        String[] args = new String[files.length + 2];
        args[0] = "--platform";
        args[1] = "x";
        for (int i = 0; i < files.length; i++) {
            args[i + 2] = files[i].toString();
        }
        return new CommandLine(new ReplayCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aV2MentionPrintsItsBigIdAuthorFollowersParentAndFullLongText(@TempDir Path dir) throws Exception {
        assertThat(run(Files.writeString(dir.resolve("mentions.json"), MENTIONS)))
                .isZero();

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"platform\":\"twitter\",\"messageId\":\"1900000000000000123\"")
                .contains("\"authorId\":\"" + ANNA + "\"")
                .contains("\"authorHandle\":\"anna_k\"")
                .contains("\"followers\":250000")
                .contains("\"visibility\":\"PUBLIC\"")
                .contains("\"inReplyTo\":\"1900000000000000100\"")
                .contains("will sue END")
                .contains("LEGAL_THREAT")
                .contains("CARD_NUMBER")
                .doesNotContain("4539 1488 0343 6467"));
    }

    @Test
    void v2DmEventsArePrivate(@TempDir Path dir) throws Exception {
        assertThat(run(Files.writeString(dir.resolve("dms.json"), DM_EVENTS))).isZero();

        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .contains("\"messageId\":\"1900000000000000200\"")
                .contains("\"visibility\":\"PRIVATE\"")
                .contains("\"followers\":250000")
                .contains("\"inReplyTo\":null"));
    }

    @Test
    void xActivityDmsPrintTheReceivedOneAndCountTheSentOneAsTheBanks(@TempDir Path dir) throws Exception {
        Path received = Files.writeString(dir.resolve("received.json"), XAA_DM_RECEIVED);
        Path sent = Files.writeString(dir.resolve("sent.json"), XAA_DM_SENT);

        assertThat(run(received, sent)).isZero();

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"messageId\":\"1900000000000000300\"")
                .contains("\"authorHandle\":\"anna_k\"")
                .contains("\"followers\":250000")
                .contains("\"visibility\":\"PRIVATE\"")
                .contains("\"createdAt\":\"2026-03-02T09:15:00Z\""));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 of the bank's own");
    }

    @Test
    void anErrorBodyIsANoteNotAFailure(@TempDir Path dir) throws Exception {
        assertThat(run(Files.writeString(dir.resolve("429.json"), RATE_LIMITED)))
                .isZero();

        assertThat(lines()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("X API error: HTTP 429 Too Many Requests");
    }

    @Test
    void somethingElseIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"hello\":\"world\"}");

        assertThat(run(other)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: " + other)
                .contains("not an X API v2 or X Activity API shape")
                .doesNotContain("\tat ");
    }
}
