package org.socialcare.twitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.adapter.support.LogText;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.twitter.MessageMapper.Perspective;

/**
 * Polls one bank account's mentions timeline or its direct message events through a {@link TwitterApi}
 * (twitter4j by default) and hands the desk one page per poll.
 *
 * <p><b>Mentions</b> ({@link #mentions}): the checkpoint is the newest status id ingested ({@code since_id}).
 * A poll asks for {@code count} mentions after it; when the page is full there may be more between the
 * checkpoint and the page, so the next polls walk back with {@code max_id} (the checkpoint remembers the walk:
 * {@code since=..;max=..;top=..}) until the gap is closed, and only then does {@code since} move to the newest id
 * seen. A short page does not prove the gap closed (Twitter applies {@code count} before it drops content, and
 * cuts pages short under load): the poll asks once more below it, up to {@value #MAX_PROBES} times, and only an
 * empty answer ends the walk. Nothing is missed after a gap, a crash mid-walk resumes where it stopped, and a
 * poll costs one request plus one per short page. <b>Direct messages</b> ({@link #directMessages}): the events list has no {@code since};
 * the checkpoint is the newest event id ingested and polls follow {@code next_cursor} back until they meet it.
 *
 * <p>The bank's own tweets and DMs come back as {@link OwnMessage}s; retweets are dropped (logged) unless
 * {@link TwitterAdapterConfig#includeRetweets()}; statuses that cannot be read come back as rejected payloads
 * with their raw JSON. Errors: {@link org.socialcare.core.error.PlatformException} from the API. Not
 * thread-safe, as the port allows.
 */
public final class Twitter4jChannelSource implements ChannelSource {
    private static final Logger LOG = LoggerFactory.getLogger(Twitter4jChannelSource.class);
    /** Follow-up requests one poll makes after short pages before it leaves the rest of the walk to the next. */
    private static final int MAX_PROBES = 4;

    private enum Stream {
        MENTIONS,
        DIRECT_MESSAGES
    }

    private final Stream stream;
    private final TwitterAdapterConfig config;
    private final TwitterApi api;
    private final Perspective perspective;
    private final String sourceId;

    private Twitter4jChannelSource(Stream stream, TwitterAdapterConfig config, TwitterApi api) {
        this.stream = stream;
        this.config = Objects.requireNonNull(config, "config");
        this.api = Objects.requireNonNull(api, "api");
        this.perspective =
                new Perspective(config.channel(), OptionalLong.of(config.accountIdAsLong()), config.includeRetweets());
        this.sourceId = "twitter:" + config.channel() + (stream == Stream.MENTIONS ? ":mentions" : ":dms");
    }

    /** The account's mentions, through twitter4j. */
    public static Twitter4jChannelSource mentions(TwitterAdapterConfig config) {
        return new Twitter4jChannelSource(Stream.MENTIONS, config, Twitter4jApi.create(config));
    }

    /** The account's mentions, through the given client (another library, a v2 client). */
    public static Twitter4jChannelSource mentions(TwitterAdapterConfig config, TwitterApi api) {
        return new Twitter4jChannelSource(Stream.MENTIONS, config, api);
    }

    /** The account's direct message events (received and sent), through twitter4j. */
    public static Twitter4jChannelSource directMessages(TwitterAdapterConfig config) {
        return new Twitter4jChannelSource(Stream.DIRECT_MESSAGES, config, Twitter4jApi.create(config));
    }

    /** The account's direct message events, through the given client. */
    public static Twitter4jChannelSource directMessages(TwitterAdapterConfig config, TwitterApi api) {
        return new Twitter4jChannelSource(Stream.DIRECT_MESSAGES, config, api);
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public ChannelId channel() {
        return config.channel();
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    public Batch poll(Optional<Checkpoint> since) {
        Objects.requireNonNull(since, "since");
        Map<String, String> state = since.filter(c -> c.sourceId().equals(sourceId))
                .map(c -> parse(c.position()))
                .orElse(Map.of());
        return stream == Stream.MENTIONS ? pollMentions(state) : pollDirectMessages(state);
    }

    // ------------------------------------------------------------------ mentions

    private Batch pollMentions(Map<String, String> state) {
        OptionalLong sinceId = number(state, "since");
        OptionalLong maxId = number(state, "max");
        OptionalLong top = number(state, "top");
        int size = config.mentionsPageSize();
        TimelinePage page = api.mentions(sinceId, maxId, size);
        Collected c = new Collected();
        OptionalLong newestSeen = page.newestId();
        for (int probes = 0; ; probes++) {
            for (Tweet t : page.tweets()) {
                c.add(MessageMapper.tweet(t, perspective));
            }
            c.rejected.addAll(page.rejected());
            boolean shortButNotEmpty = page.returned() < size && page.oldestId().isPresent();
            if (!shortButNotEmpty || probes >= MAX_PROBES) {
                break;
            }
            // a page can come back short with more behind it (Twitter applies count before it drops content):
            // only an empty page proves the walk reached since_id
            page = api.mentions(sinceId, OptionalLong.of(page.oldestId().getAsLong() - 1), size);
        }
        boolean walkDone = page.returned() == 0 || page.oldestId().isEmpty();
        Map<String, String> next = new LinkedHashMap<>();
        if (walkDone) {
            long newest = max(sinceId, top, newestSeen);
            if (newest > 0) {
                next.put("since", Long.toString(newest));
            }
        } else {
            sinceId.ifPresent(s -> next.put("since", Long.toString(s)));
            next.put("max", Long.toString(page.oldestId().getAsLong() - 1));
            long walkTop = top.isPresent() ? top.getAsLong() : newestSeen.orElse(0);
            if (walkTop > 0) {
                next.put("top", Long.toString(walkTop));
            }
        }
        return c.batch(next, !walkDone);
    }

    // ------------------------------------------------------------------ direct messages

    private Batch pollDirectMessages(Map<String, String> state) {
        OptionalLong last = number(state, "last");
        Optional<String> cursor = Optional.ofNullable(state.get("cursor"));
        OptionalLong top = number(state, "top");
        DmPage page = api.directMessages(cursor, config.dmPageSize());
        Collected c = new Collected();
        boolean metCheckpoint = false;
        long newestOnPage = 0;
        for (DirectMessageEvent e : page.events()) {
            if (last.isPresent() && e.id() <= last.getAsLong()) {
                metCheckpoint = true;
                continue;
            }
            newestOnPage = Math.max(newestOnPage, e.id());
            c.add(MessageMapper.directMessage(e, perspective));
        }
        for (RejectedPayload r : page.rejected()) {
            OptionalLong id = idOf(r);
            if (last.isPresent() && id.isPresent() && id.getAsLong() <= last.getAsLong()) {
                continue; // rejected on an earlier poll already
            }
            if (id.isPresent()) {
                newestOnPage = Math.max(newestOnPage, id.getAsLong());
            }
            c.rejected.add(r);
        }
        boolean done = metCheckpoint || page.nextCursor().isEmpty();
        OptionalLong newTop =
                top.isPresent() ? top : (newestOnPage > 0 ? OptionalLong.of(newestOnPage) : OptionalLong.empty());
        Map<String, String> next = new LinkedHashMap<>();
        if (done) {
            long newest = max(last, newTop, OptionalLong.of(newestOnPage));
            if (newest > 0) {
                next.put("last", Long.toString(newest));
            }
        } else {
            last.ifPresent(l -> next.put("last", Long.toString(l)));
            next.put("cursor", page.nextCursor().get());
            newTop.ifPresent(t -> next.put("top", Long.toString(t)));
        }
        return c.batch(next, !done);
    }

    private static OptionalLong idOf(RejectedPayload r) {
        try {
            return TwitterJson.longValue(TwitterJson.parse(r.rawPayload()), "id")
                    .map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        } catch (TwitterJson.NotJson e) {
            return OptionalLong.empty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private final class Collected {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<OwnMessage> own = new ArrayList<>();
        final List<RejectedPayload> rejected = new ArrayList<>();
        int skipped;

        void add(MessageMapper.Mapped m) {
            if (m instanceof MessageMapper.Customer c) {
                messages.add(c.message());
            } else if (m instanceof MessageMapper.Own o) {
                own.add(o.message());
            } else if (m instanceof MessageMapper.Skip s) {
                skipped++;
                LOG.debug("{}: skipped {}: {}", sourceId, LogText.of(s.what()), LogText.of(s.reason()));
            }
        }

        Batch batch(Map<String, String> next, boolean hasMore) {
            Batch b = new Batch(messages, own, rejected, Optional.empty(), hasMore);
            if (!next.isEmpty()) {
                b = b.withCheckpoint(new Checkpoint(sourceId, format(next)));
            }
            if (skipped > 0 || !rejected.isEmpty()) {
                LOG.info(
                        "{}: {} messages, {} own, {} skipped, {} rejected",
                        sourceId,
                        messages.size(),
                        own.size(),
                        skipped,
                        rejected.size());
            }
            return b;
        }
    }

    private static long max(OptionalLong a, OptionalLong b, OptionalLong c) {
        return Math.max(a.orElse(0), Math.max(b.orElse(0), c.orElse(0)));
    }

    private static OptionalLong number(Map<String, String> state, String key) {
        String v = state.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    /** Parses "k=v;k=v"; a position from an older format (a bare id) counts as {@code since}/{@code last}. */
    private Map<String, String> parse(String position) {
        Map<String, String> m = new LinkedHashMap<>();
        if (position.isBlank()) {
            return m;
        }
        if (position.matches("\\d{1,19}")) {
            m.put(stream == Stream.MENTIONS ? "since" : "last", position);
            return m;
        }
        for (String part : position.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "checkpoint of " + sourceId + " is not 'key=value;...': '" + position + "'");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (!key.equals("cursor") && !value.matches("\\d{1,19}")) {
                throw new IllegalArgumentException(
                        "checkpoint of " + sourceId + " has a non-numeric " + key + ": '" + position + "'");
            }
            m.put(key, value);
        }
        return m;
    }

    private static String format(Map<String, String> state) {
        StringBuilder b = new StringBuilder();
        state.forEach((k, v) ->
                b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    @Override
    public String toString() {
        return "Twitter4jChannelSource[" + sourceId + "]";
    }
}
