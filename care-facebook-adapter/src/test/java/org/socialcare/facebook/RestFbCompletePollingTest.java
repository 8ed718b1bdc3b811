package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.testkit.MutableClock;

/**
 * Catch-up polling reads everything written since the checkpoint: every page of every Messenger conversation,
 * every comment of a busy post beyond the per-poll page cap, every conversation beyond the inbox page cap; a capped
 * poll resumes where it stopped, and each item comes exactly once.
 */
class RestFbCompletePollingTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final MessengerWindow window = new MessengerWindow(Duration.ofHours(24), clock);

    RestFbCompletePollingTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aMessengerConversationLongerThanOnePageIsReadToTheCheckpoint() {
        RestFbChannelSource source = source(25);
        graph.addCustomerMessage("9001", "Ann", "first", NOW.minus(Duration.ofHours(2)));
        Optional<Checkpoint> checkpoint = last(drain(source, Optional.empty())).nextCheckpoint();
        clock.advance(Duration.ofMinutes(40));
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            written.add(graph.addCustomerMessage("9001", "Ann", "catch-up " + i, NOW.plusSeconds(60 + i)));
        }

        List<String> read = ids(drain(source, checkpoint));

        assertThat(read).as("30 written while offline, each read once").containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void commentsOfABusyPostBeyondThePageCapAreNotSkippedWhenANewerCommentElsewhereMovesTheCheckpoint() {
        RestFbChannelSource source = source(2); // 20 pages of 2: at most 40 comments of one post per poll
        Instant t = NOW.minus(Duration.ofHours(1));
        String busy = graph.addPost(PAGE_ID, PAGE_NAME, "New card fees", t);
        String quiet = graph.addPost(PAGE_ID, PAGE_NAME, "Branch closed Friday", t.plusSeconds(1));
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            written.add(graph.addComment(busy, Optional.empty(), "7" + i, "C" + i, "why " + i, t.plusSeconds(10 + i)));
        }
        written.add(graph.addComment(quiet, Optional.empty(), "699", "Q", "which branch?", t.plusSeconds(600)));

        List<Batch> batches = drain(source, Optional.empty());

        assertThat(ids(batches)).as("46 written, each read once").containsExactlyInAnyOrderElementsOf(written);
        assertThat(batches.size()).as("the capped poll said hasMore").isGreaterThan(1);
    }

    @Test
    void aCappedCommentPollResumesFromTheCheckpointAfterARestart() {
        RestFbChannelSource source = source(2);
        Instant t = NOW.minus(Duration.ofHours(1));
        String busy = graph.addPost(PAGE_ID, PAGE_NAME, "Outage", t);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(graph.addComment(busy, Optional.empty(), "7" + i, "C" + i, "down " + i, t.plusSeconds(10 + i)));
        }
        Batch first = source.poll(Optional.empty());
        assertThat(first.hasMore()).isTrue();
        written.add(graph.addComment(busy, Optional.empty(), "799", "Z", "still down", t.plusSeconds(900)));

        RestFbChannelSource restarted = source(2);
        List<Batch> rest = drain(restarted, first.nextCheckpoint());

        List<String> all = new ArrayList<>(ids(List.of(first)));
        all.addAll(ids(rest));
        assertThat(all).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void moreConversationsThanTheInboxPageCapAreAllRead() {
        RestFbChannelSource source = source(2); // 10 pages of 2 conversations per poll
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            written.add(graph.addCustomerMessage(
                    String.valueOf(9100 + i), "P" + i, "hello " + i, NOW.minus(Duration.ofMinutes(50 - i))));
        }

        assertThat(ids(drain(source, Optional.empty()))).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aCheckpointWrittenBeforeTheseFieldsExistedIsStillRead() {
        RestFbChannelSource source = source(25);
        long at = NOW.minus(Duration.ofMinutes(30)).getEpochSecond();
        String old = graph.addCustomerMessage("9001", "Ann", "old", NOW.minus(Duration.ofMinutes(40)));
        String fresh = graph.addCustomerMessage("9001", "Ann", "new", NOW.minus(Duration.ofMinutes(10)));
        Checkpoint stored =
                new Checkpoint(source.sourceId(), "feed=" + at + ";fids=;after=;pending=;pids=;inbox=" + at + ";iids=");

        List<String> read = ids(drain(source, Optional.of(stored)));

        assertThat(read).containsExactly(fresh).doesNotContain(old);
    }

    private RestFbChannelSource source(int pageSize) {
        return new RestFbChannelSource(
                config(graph.baseUrl()).pageSize(pageSize).build(), window, clock);
    }

    private static Batch last(List<Batch> batches) {
        return batches.get(batches.size() - 1);
    }

    private static List<String> ids(List<Batch> batches) {
        return batches.stream()
                .flatMap(b -> b.messages().stream())
                .map(m -> m.key().messageId())
                .toList();
    }

    private static List<Batch> drain(RestFbChannelSource source, Optional<Checkpoint> since) {
        List<Batch> batches = new ArrayList<>();
        Optional<Checkpoint> cp = since;
        for (int i = 0; i < 100; i++) {
            Batch b = source.poll(cp);
            batches.add(b);
            cp = b.nextCheckpoint().or(() -> Optional.empty());
            if (!b.hasMore()) {
                return batches;
            }
        }
        throw new AssertionError("still hasMore after 100 polls");
    }
}
