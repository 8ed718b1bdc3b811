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
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDayRun;
import org.socialcare.examples.demo.CareDaySimulation;

/**
 * The care day with the Twitter accounts on X API v2 (the adapter's v2 source and publisher against the
 * {@link XApiEmulator}): the same day, figure for figure, as on v1.1 through twitter4j (only the quoted platform id of the hijacker's
 * post differs).
 */
class EmulatedXApiCareDayTest {
    private static final List<ChannelId> ACCOUNTS =
            List.of(BankSetup.TWITTER_BRAND, BankSetup.TWITTER_CARE, BankSetup.TWITTER_CARDS);
    private static CareDayRun.Outcome v2;
    private static CareDayRun.Outcome v1;
    private static EmulatedPlatforms platforms;

    @BeforeAll
    static void playTheDayOnBothApis() {
        v2 = EmulatedDays.emulated(XApiVersion.V2);
        v1 = EmulatedDays.emulated(XApiVersion.V1_1);
        platforms = v2.platforms().orElseThrow();
    }

    /**
     * The report without wall time and without the platform ids it quotes (the channel-pause line names the
     * hijacker's post, whose id each API's emulator hands out from its own sequence).
     */
    private static String comparable(String report) {
        return report.replaceAll("\\(\\d+\\.\\d s wall time\\)", "(- s wall time)")
                .replaceAll("\\(message twitter:\\d+\\)", "(message twitter:-)");
    }

    private static List<StoredMessage> inboundTwitter(CareDesk desk) {
        List<StoredMessage> out = new ArrayList<>();
        for (Conversation c : desk.storage()
                .conversations()
                .openedBetween(CareDaySimulation.OPENING, CareDaySimulation.OPENING.plus(Duration.ofDays(1)))) {
            desk.messages(c.id()).stream()
                    .filter(m -> m.direction() == Direction.INBOUND
                            && m.key().platform().equals(Platform.TWITTER))
                    .forEach(out::add);
        }
        return out;
    }

    @Test
    void theReportIsTheSameFigureForFigureAsOnV11ButForTheQuotedPostId() {
        assertThat(platforms.xApi()).isEqualTo(XApiVersion.V2);
        assertThat(comparable(v2.report().toText()).lines())
                .containsExactlyElementsOf(
                        comparable(v1.report().toText()).lines().toList());
        assertThat(v2.log().inbound()).isEqualTo(v1.log().inbound());
    }

    @Test
    void mentionsAndDmsWerePolledAndRepliesPublishedThroughTheV2EndpointsOnly() {
        Set<String> mentionIds = new HashSet<>();
        inboundTwitter(v2.desk()).forEach(m -> mentionIds.add(m.key().messageId()));
        int replies = 0;
        for (ChannelId channel : ACCOUNTS) {
            XApiEmulator x = platforms.x(channel);
            String mentions = "/2/users/" + x.account().id() + "/mentions";
            assertThat(x.requests()).as("requests on %s", channel).allSatisfy(r -> assertThat(r.path())
                    .startsWith("/2/"));
            assertThat(x.requests()).as("mentions polled on %s", channel).anyMatch(r -> r.path()
                    .equals(mentions));
            assertThat(x.requests()).as("DMs polled on %s", channel).anyMatch(r -> r.path()
                    .equals("/2/dm_events"));
            for (XApiEmulator.Post p : x.publishedPosts()) {
                assertThat(p.inReplyTo()).as("reply on %s", channel).isPresent();
                assertThat(mentionIds).contains(p.inReplyTo().orElseThrow());
                replies++;
            }
        }
        assertThat(replies).isGreaterThan(50);
        assertThat(platforms.x(BankSetup.TWITTER_CARDS).sentDirectMessages()).isNotEmpty();
    }

    @Test
    void theDaysOAuth2TokensWereRefreshedAsTheyExpired() {
        // the emulator's access tokens live two hours of the day's simulated time
        for (ChannelId channel : ACCOUNTS) {
            assertThat(platforms.x(channel).requests())
                    .as("token refreshes on %s", channel)
                    .filteredOn(r -> r.path().equals("/2/oauth2/token"))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theHijackersPostNamesItsAppInTheV2SourceFieldAndPausesTheBrandAccount() {
        List<AuditEntry> audit = v2.desk().storage().audit().recent(Integer.MAX_VALUE);
        assertThat(audit)
                .filteredOn(e -> e.action() == AuditAction.ECHO_UNMATCHED)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(CareDaySimulation.HIJACK_APP));
        assertThat(audit)
                .filteredOn(e -> e.action() == AuditAction.CHANNEL_PAUSED)
                .first()
                .satisfies(e -> {
                    assertThat(e.channel()).contains(BankSetup.TWITTER_BRAND);
                    assertThat(e.detail()).contains(CareDaySimulation.HIJACK_APP);
                    assertThat(e.at())
                            .isBetween(
                                    CareDaySimulation.HIJACK_AT,
                                    CareDaySimulation.HIJACK_AT.plus(EmulatedPlatforms.POLL_INTERVAL.plusMinutes(1)));
                });
    }

    @Test
    void theV11AccessorsSayTheAccountsRunOnV2AndTheEmulatorsAreClosed() {
        assertThatThrownBy(() -> platforms.twitter(BankSetup.TWITTER_CARE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X API v2");
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(platforms.x(BankSetup.TWITTER_CARE).baseUrl());
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }
}
