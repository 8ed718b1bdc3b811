package org.socialcare.examples.demo.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDayRun;
import org.socialcare.examples.demo.CareDaySimulation;

/**
 * The care day through the real adapters and the local emulators, with the Twitter accounts on v1.1 (twitter4j),
 * checked against the same day delivered directly. {@link EmulatedXApiCareDayTest} plays it on X API v2.
 */
class EmulatedCareDayTest {
    private static CareDayRun.Outcome emulated;
    private static CareDayRun.Outcome direct;
    private static EmulatedPlatforms platforms;

    @BeforeAll
    static void playTheDayBothWays() {
        emulated = EmulatedDays.emulated(XApiVersion.V1_1);
        direct = EmulatedDays.direct();
        platforms = emulated.platforms().orElseThrow();
    }

    private static List<Conversation> conversations(CareDesk desk) {
        return desk.storage()
                .conversations()
                .openedBetween(CareDaySimulation.OPENING, CareDaySimulation.OPENING.plus(Duration.ofDays(1)));
    }

    private static List<StoredMessage> inbound(CareDesk desk) {
        List<StoredMessage> out = new ArrayList<>();
        for (Conversation c : conversations(desk)) {
            desk.messages(c.id()).stream()
                    .filter(m -> m.direction() == Direction.INBOUND)
                    .forEach(out::add);
        }
        return out;
    }

    @Test
    void storesEveryCustomerMessageOnceAndOpensAsManyConversationsAsTheDirectDay() {
        List<StoredMessage> stored = inbound(emulated.desk());
        assertThat(stored).hasSize(emulated.log().inbound());
        assertThat(stored.stream().map(StoredMessage::key).distinct()).hasSize(stored.size());
        assertThat(conversations(emulated.desk()))
                .hasSize(conversations(direct.desk()).size());
        // follow-ups differ (agents answer a poll interval later, so customers' random answers fall differently)
        assertThat(emulated.report().volumePerChannel().keySet())
                .isEqualTo(direct.report().volumePerChannel().keySet());
    }

    @Test
    void theBanksOwnEchoesAreMatchedNeverThreadedAsCustomerMessages() {
        Set<String> bankAccounts = new HashSet<>();
        emulated.desk().channels().stream().map(Channel::platformAccountId).forEach(bankAccounts::add);
        assertThat(inbound(emulated.desk())).noneMatch(m -> bankAccounts.contains(m.authorId()));
        List<AuditEntry> audit = emulated.desk().storage().audit().recent(Integer.MAX_VALUE);
        // Twitter DMs come back through the DM sources, Messenger messages and page comments as webhook echoes
        assertThat(audit)
                .filteredOn(e -> e.action() == AuditAction.ECHO_MATCHED)
                .extracting(e -> e.channel().orElseThrow().value())
                .contains(BankSetup.TWITTER_CARE.value(), BankSetup.FACEBOOK_PAGE.value());
        // the only echo the desk did not send is the hijacker's tweet
        assertThat(audit)
                .filteredOn(e -> e.action() == AuditAction.ECHO_UNMATCHED)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(CareDaySimulation.HIJACK_APP));
    }

    @Test
    void publicTwitterRepliesWentOutThroughTwitter4jInReplyToTheCustomersTweets() {
        int replies = 0;
        for (ChannelIdAndEmulator t : twitterEmulators()) {
            for (TwitterApiEmulator.Request r : t.emulator().requests("statuses/update.json")) {
                assertThat(r.param("in_reply_to_status_id"))
                        .as("reply on %s", t.channel())
                        .isPresent();
                replies++;
            }
            assertThat(t.emulator().requests("statuses/mentions_timeline.json"))
                    .as("mentions polled on %s", t.channel())
                    .isNotEmpty();
            assertThat(t.emulator().requests("direct_messages/events/list.json"))
                    .as("DMs polled on %s", t.channel())
                    .isNotEmpty();
        }
        assertThat(replies).isGreaterThan(50);
        Set<String> mentionIds = new HashSet<>();
        inbound(emulated.desk()).stream()
                .filter(m -> m.key().platform().equals(Platform.TWITTER))
                .forEach(m -> mentionIds.add(m.key().messageId()));
        assertThat(platforms.twitter(BankSetup.TWITTER_CARE).postedStatuses())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(mentionIds).contains(String.valueOf(s.get("in_reply_to_status_id"))));
        assertThat(platforms.twitter(BankSetup.TWITTER_CARDS).sentDirectMessages())
                .isNotEmpty();
    }

    @Test
    void facebookRepliesAndModerationReachedTheGraphEmulatorThroughRestFb() {
        GraphApiEmulator graph = platforms.graph();
        assertThat(graph.pageComments()).isNotEmpty().allSatisfy(c -> assertThat(
                        graph.comment(c.repliedTo().orElseThrow()))
                .isPresent());
        assertThat(graph.comments()).anyMatch(GraphApiEmulator.CommentView::hidden);
        assertThat(graph.requests()).anyMatch(r -> "true".equals(r.params().get("is_hidden")));
        assertThat(graph.sentMessages()).isNotEmpty();
        assertThat(platforms.webhookPosts()).isGreaterThan(50);
        assertThat(emulated.report().moderationActions()).isPositive();
    }

    @Test
    void hijackedBrandAccountIsPausedAndItsQueuedRepliesGoOutAfterTheSupervisorResumesIt() {
        List<AuditEntry> audit = emulated.desk().storage().audit().recent(Integer.MAX_VALUE);
        AuditEntry paused = audit.stream()
                .filter(e -> e.action() == AuditAction.CHANNEL_PAUSED)
                .findFirst()
                .orElseThrow();
        assertThat(paused.channel()).contains(BankSetup.TWITTER_BRAND);
        assertThat(paused.detail()).contains("TweetBlaster Pro");
        assertThat(paused.at()).isBetween(CareDaySimulation.HIJACK_AT, CareDaySimulation.HIJACK_AT.plus(POLL));
        AuditEntry resumed = audit.stream()
                .filter(e -> e.action() == AuditAction.CHANNEL_RESUMED)
                .findFirst()
                .orElseThrow();
        assertThat(Duration.between(paused.at(), resumed.at()))
                .isBetween(Duration.ofMinutes(30), Duration.ofMinutes(32));

        List<Reply> heldBack = new ArrayList<>();
        for (Conversation c : conversations(emulated.desk())) {
            emulated.desk().replies(c.id()).stream()
                    .filter(r -> r.channel().equals(BankSetup.TWITTER_BRAND)
                            && r.createdAt().isAfter(paused.at())
                            && r.createdAt().isBefore(resumed.at()))
                    .forEach(heldBack::add);
        }
        assertThat(heldBack).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).isInstanceOf(DeliveryStatus.Sent.class);
            assertThat(((DeliveryStatus.Sent) r.status()).sentAt()).isAfterOrEqualTo(resumed.at());
        });
        assertThat(emulated.report().channelPauses())
                .singleElement()
                .asString()
                .contains("twitter-brand")
                .contains("TweetBlaster Pro")
                .contains("resumed 15:");
    }

    @Test
    void emulatorsAndTheWebhookEndpointAreClosedAfterTheDay() {
        HttpClient http = HttpClient.newHttpClient();
        for (URI uri : List.of(
                platforms.graph().baseUrl(),
                URI.create(platforms.twitter(BankSetup.TWITTER_CARE).restBaseUrl()))) {
            assertThatThrownBy(() -> http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .as("%s still answers", uri)
                    .isInstanceOf(IOException.class);
        }
    }

    private static final Duration POLL = EmulatedPlatforms.POLL_INTERVAL.plusMinutes(1);

    private record ChannelIdAndEmulator(String channel, TwitterApiEmulator emulator) {}

    private static List<ChannelIdAndEmulator> twitterEmulators() {
        return List.of(BankSetup.TWITTER_BRAND, BankSetup.TWITTER_CARE, BankSetup.TWITTER_CARDS).stream()
                .map(id -> new ChannelIdAndEmulator(id.value(), platforms.twitter(id)))
                .toList();
    }
}
