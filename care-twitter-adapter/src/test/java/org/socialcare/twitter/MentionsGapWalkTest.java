package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.in.PollResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;
import org.socialcare.emulators.twitter.TwitterApiEmulator.User;

/**
 * The since_id/max_id walk across a gap larger than one page survives what the API does to it: pages cut short
 * before the gap is closed, and a 5xx burst and a 429 in the middle of the walk. Every mention is stored once.
 */
class MentionsGapWalkTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final User customer = emulator.user(501, "jane_doe", "Jane Doe", 1234, true);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void partialPagesInTheMiddleOfAWalkDoNotEndItBeforeTheGapIsClosed() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        emulator.mention(customer, "before the outage");
        assertThat(desk.poll(source).ingested().stored()).isEqualTo(1);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 450; i++) {
            expected.add(Long.toString(emulator.mention(customer, "during the outage " + i)));
            if (i % 50 == 0) {
                emulator.skipIds(300);
            }
        }
        emulator.partialMentionPages(3);

        int stored = drain(desk, source);

        assertThat(stored).as("each of 450 mentions stored once").isEqualTo(450);
        expected.forEach(id -> assertThat(desk.storage().messages().find(MessageKey.of(Platform.TWITTER, id)))
                .as("mention " + id)
                .isPresent());
    }

    @Test
    void fiveHundredsAndARateLimitMidWalkResumeFromTheCheckpoint() {
        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config);
        emulator.mention(customer, "before");
        desk.poll(source);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 430; i++) {
            expected.add(Long.toString(emulator.mention(customer, "backlog " + i)));
        }
        PollResult first = desk.poll(source);
        assertThat(first.hasMore()).isTrue();
        emulator.failNext(
                Fault.unavailable(),
                Fault.unavailable(),
                Fault.rateLimited(Instant.now().plusSeconds(600)));
        int failed = 0;
        for (int i = 0; i < 3; i++) {
            try {
                desk.poll(source);
            } catch (RuntimeException e) {
                failed++;
            }
        }

        int stored = first.ingested().stored() + drain(desk, source);

        assertThat(failed).isEqualTo(3);
        assertThat(stored).as("430 stored, none twice").isEqualTo(430);
        expected.forEach(id -> assertThat(desk.storage().messages().find(MessageKey.of(Platform.TWITTER, id)))
                .as("mention " + id)
                .isPresent());
    }

    private static int drain(CareDesk desk, Twitter4jChannelSource source) {
        List<PollResult> polls = new ArrayList<>();
        PollResult r;
        do {
            r = desk.poll(source);
            polls.add(r);
        } while (r.hasMore() && polls.size() < 20);
        return polls.stream().mapToInt(p -> p.ingested().stored()).sum();
    }
}
