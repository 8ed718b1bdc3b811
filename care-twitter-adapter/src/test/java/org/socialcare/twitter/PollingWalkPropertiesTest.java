package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;

/**
 * The mentions and DM walks never lose a message, whatever the page size, the gaps between ids, the arrivals during a
 * walk, and crashes between a poll and storing its batch. The timeline here is a test model of v1.1
 * {@code since_id}/{@code max_id}/{@code count} semantics (the HTTP path is covered against the emulator).
 */
class PollingWalkPropertiesTest {
    private static final TwitterUser AUTHOR = new TwitterUser(501, "jane", Optional.empty(), 1, false);

    /** Newest-first timeline with exclusive since_id and inclusive max_id, as Twitter serves it. */
    private static class Timeline implements TwitterApi {
        final TreeSet<Long> ids = new TreeSet<>();
        int requests;

        @Override
        public TimelinePage mentions(OptionalLong sinceId, OptionalLong maxId, int count) {
            requests++;
            List<Tweet> page = new ArrayList<>();
            for (long id : ids.descendingSet()) {
                if (page.size() >= count) {
                    break;
                }
                if (id > sinceId.orElse(0) && id <= maxId.orElse(Long.MAX_VALUE)) {
                    page.add(new Tweet(
                            id,
                            AUTHOR,
                            "@bank " + id,
                            OptionalLong.empty(),
                            Instant.EPOCH,
                            Optional.empty(),
                            Optional.empty(),
                            OptionalLong.empty(),
                            List.of()));
                }
            }
            return TimelinePage.of(page);
        }

        @Override
        public DmPage directMessages(Optional<String> cursor, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long reply(long inReplyToStatusId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long sendDirectMessage(long recipientId, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteTweet(long statusId) {
            throw new UnsupportedOperationException();
        }
    }

    @Property(tries = 300)
    void everyMentionIsDeliveredWithoutDuplicatesOutsideCrashReplays(
            @ForAll @IntRange(min = 1, max = 20) int pageSize,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 60) Integer> arrivalsPerPoll,
            @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 50) Integer> gaps,
            @ForAll @Size(max = 12) List<Boolean> crashes) {
        Timeline timeline = new Timeline();
        TwitterAdapterConfig config = TwitterAdapterConfig.builder()
                .channel(ChannelId.of("tw"))
                .accountId("1001")
                .consumer("k", "s")
                .accessToken("t", "ts")
                .mentionsPageSize(pageSize)
                .build();
        Twitter4jChannelSource source = Twitter4jChannelSource.mentions(config, timeline);

        long next = 1000;
        Set<Long> delivered = new HashSet<>();
        Optional<Checkpoint> stored = Optional.empty();
        int steps = arrivalsPerPoll.size();
        int quietPolls = 0;
        for (int i = 0; i < steps + 5_000; i++) {
            if (i < steps) {
                for (int a = 0; a < arrivalsPerPoll.get(i); a++) {
                    next += gaps.isEmpty() ? 1 : gaps.get((a + i) % gaps.size());
                    timeline.ids.add(next);
                }
            }
            Batch b = source.poll(stored);
            boolean crash = i < crashes.size() && crashes.get(i);
            if (crash) {
                continue; // the batch was lost before it was stored: the checkpoint does not move
            }
            for (var m : b.messages()) {
                long id = Long.parseLong(m.key().messageId());
                assertThat(delivered.add(id))
                        .as("mention %d delivered twice", id)
                        .isTrue();
            }
            if (b.nextCheckpoint().isPresent()) {
                stored = b.nextCheckpoint();
            }
            quietPolls = !b.hasMore() && b.messages().isEmpty() ? quietPolls + 1 : 0;
            if (i >= steps && quietPolls >= 2) {
                break; // caught up: the end of a walk and then a fresh poll found nothing new
            }
        }
        assertThat(quietPolls).as("the source stopped saying hasMore").isGreaterThanOrEqualTo(2);
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(timeline.ids);
    }

    /** DM events list: newest first, cursor = "before:<id>" of the last event served, like an opaque Twitter cursor. */
    private static final class DmList extends Timeline {
        final TreeSet<Long> dms = new TreeSet<>();

        @Override
        public DmPage directMessages(Optional<String> cursor, int count) {
            requests++;
            long before = cursor.map(c -> Long.parseLong(c.substring("before:".length())))
                    .orElse(Long.MAX_VALUE);
            List<DirectMessageEvent> page = new ArrayList<>();
            for (long id : dms.headSet(before, false).descendingSet()) {
                if (page.size() >= count) {
                    return new DmPage(
                            page,
                            List.of(),
                            Optional.of("before:" + page.get(page.size() - 1).id()));
                }
                page.add(new DirectMessageEvent(id, AUTHOR, 1001, "dm " + id, Instant.EPOCH, Optional.empty()));
            }
            return new DmPage(page, List.of(), Optional.empty());
        }
    }

    @Property(tries = 300)
    void everyDirectMessageIsDeliveredWithoutDuplicatesOutsideCrashReplays(
            @ForAll @IntRange(min = 1, max = 20) int pageSize,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 60) Integer> arrivalsPerPoll,
            @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 50) Integer> gaps,
            @ForAll @Size(max = 12) List<Boolean> crashes) {
        DmList list = new DmList();
        TwitterAdapterConfig config = TwitterAdapterConfig.builder()
                .channel(ChannelId.of("tw"))
                .accountId("1001")
                .consumer("k", "s")
                .accessToken("t", "ts")
                .dmPageSize(pageSize)
                .build();
        Twitter4jChannelSource source = Twitter4jChannelSource.directMessages(config, list);

        long next = 1000;
        Set<Long> delivered = new HashSet<>();
        Optional<Checkpoint> stored = Optional.empty();
        int steps = arrivalsPerPoll.size();
        int quietPolls = 0;
        for (int i = 0; i < steps + 5_000; i++) {
            if (i < steps) {
                for (int a = 0; a < arrivalsPerPoll.get(i); a++) {
                    next += gaps.isEmpty() ? 1 : gaps.get((a + i) % gaps.size());
                    list.dms.add(next);
                }
            }
            Batch b = source.poll(stored);
            if (i < crashes.size() && crashes.get(i)) {
                continue;
            }
            for (var m : b.messages()) {
                long id = Long.parseLong(m.key().messageId());
                assertThat(delivered.add(id))
                        .as("direct message %d delivered twice", id)
                        .isTrue();
            }
            if (b.nextCheckpoint().isPresent()) {
                stored = b.nextCheckpoint();
            }
            quietPolls = !b.hasMore() && b.messages().isEmpty() ? quietPolls + 1 : 0;
            if (i >= steps && quietPolls >= 2) {
                break;
            }
        }
        assertThat(quietPolls).as("the source stopped saying hasMore").isGreaterThanOrEqualTo(2);
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(list.dms);
    }
}
