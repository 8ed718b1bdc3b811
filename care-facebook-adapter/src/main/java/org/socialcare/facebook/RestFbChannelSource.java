package org.socialcare.facebook;

import com.restfb.Connection;
import com.restfb.Parameter;
import com.restfb.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Polls one Facebook page with restfb: visitor posts and the comments on the page's posts (replies to comments
 * included, each with its parent as {@code inReplyTo}), then the page's Messenger conversations.
 *
 * <p>One poll reads one page of the feed ({@code GET /{page}/feed} with {@code since} and the stored
 * {@code after} cursor) and, for each post, its new comments ({@code GET /{post}/comments?filter=stream}, all
 * levels, oldest first, every page). While the feed has more pages the checkpoint keeps the cursor and the
 * batch says {@code hasMore}; on the last feed page the inbox is read ({@code GET /{page}/conversations}, then
 * each changed conversation's messages) and the checkpoint moves to the newest second seen, with the ids seen in
 * that second (Graph's {@code since} is inclusive), so nothing is returned twice. Each changed conversation is
 * paged down to the inbox mark. Reads are capped per poll; a capped post, conversation or conversation list keeps
 * its own position in the checkpoint (see {@link Position}), the batch says {@code hasMore}, and the next poll
 * resumes there, so a newer item elsewhere moving the mark skips nothing. Posts older than
 * {@link FacebookAdapterConfig#commentLookback()} are not searched for comments (webhooks cover them). The
 * page's own posts, comments and messages come back as own messages. Items that cannot be read come back as
 * rejected payloads. Private customer messages are reported to the {@link MessengerWindow}.
 *
 * <p>Not thread-safe (the scheduler never polls one source concurrently). Never logs tokens or text.
 */
public final class RestFbChannelSource implements ChannelSource {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestFbChannelSource.class);
    private static final int MAX_COMMENT_PAGES = 20;
    private static final int MAX_INBOX_PAGES = 10;
    private static final int MAX_MESSAGE_PAGES = 10;
    static final String POST_FIELDS =
            "id,from,message,created_time,updated_time,attachments{type,url,media},application";
    static final String COMMENT_FIELDS = "id,from,message,created_time,parent{id},attachment,application";
    static final String MESSAGE_FIELDS = "id,from,to,message,created_time,attachments";

    private final FacebookAdapterConfig config;
    private final GraphClient graph;
    private final PayloadMapper mapper;
    private final MessengerWindow window;
    private final Clock clock;

    public RestFbChannelSource(FacebookAdapterConfig config, MessengerWindow window, Clock clock) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.window = Objects.requireNonNull(window, "window must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        Redactor redactor = Redactor.of(List.of(config));
        this.graph = new GraphClient(config, redactor, clock);
        this.mapper = new PayloadMapper();
    }

    @Override
    public String sourceId() {
        return "facebook:" + config.pageId() + ":page";
    }

    @Override
    public ChannelId channel() {
        return config.channel();
    }

    @Override
    public Batch poll(Optional<Checkpoint> since) {
        Instant now = clock.instant();
        Position pos = since.flatMap(c -> Position.parse(c.position())).orElseGet(() -> {
            since.ifPresent(c -> LOG.warn(
                    "checkpoint of {} is unreadable; reading again from {} back",
                    sourceId(),
                    config.initialLookback()));
            return Position.start(Mark.at(now.minus(config.initialLookback())));
        });
        PayloadMapper.Collected out = new PayloadMapper.Collected();
        PayloadMapper.Context ctx = new PayloadMapper.Context(config.channel(), Optional.of(config.pageId()), now);
        Mark feedMark = pos.feed();
        Mark.Builder newest = pos.pending().orElse(feedMark).toBuilder();

        Map<String, Mark> posts = new LinkedHashMap<>();
        for (Map.Entry<String, Mark> behind : pos.posts().entrySet()) {
            readComments(behind.getKey(), behind.getValue(), newest, ctx, out)
                    .ifPresent(m -> posts.put(behind.getKey(), m));
        }

        List<Parameter> feedParams = new ArrayList<>(List.of(
                Parameter.with("fields", POST_FIELDS),
                Parameter.with(
                        "since", feedMark.at().minus(config.commentLookback()).getEpochSecond()),
                Parameter.with("limit", config.pageSize())));
        pos.cursor().ifPresent(c -> feedParams.add(Parameter.with("after", c)));
        Connection<JsonObject> feed = graph.call(
                "read feed",
                c -> c.fetchConnection(
                        config.pageId() + "/feed", JsonObject.class, feedParams.toArray(Parameter[]::new)));
        List<JsonObject> feedPosts = feed.getData();
        for (int i = 0; i < feedPosts.size(); i++) {
            JsonObject post = feedPosts.get(i);
            String path = "feed.data[" + i + "]";
            Optional<String> postId = Json.text(post, "id");
            if (postId.isEmpty()) {
                out.rejected.add(new RejectedPayload(sourceId(), post.toString(), path + ".id: missing"));
                continue;
            }
            Instant created = Json.time(post, "created_time").orElse(now);
            if (feedMark.isNew(postId.get(), created)) {
                readItem(() -> mapper.post(post, path, ctx, out), post, path, out);
                newest.see(postId.get(), created);
            }
            if (!pos.posts().containsKey(postId.get())) {
                readComments(postId.get(), feedMark, newest, ctx, out).ifPresent(m -> posts.put(postId.get(), m));
            }
        }
        Optional<String> after = feed.hasNext() ? Optional.ofNullable(feed.getAfterCursor()) : Optional.empty();
        Position next;
        if (after.isPresent()) {
            next = pos.withFeed(feedMark, after, Optional.of(newest.build()), posts);
        } else {
            Inbox inbox = readInbox(pos, ctx, out);
            next = new Position(
                    newest.build(),
                    Optional.empty(),
                    Optional.empty(),
                    inbox.mark(),
                    inbox.cursor(),
                    inbox.pending(),
                    posts,
                    inbox.conversations());
        }
        boolean more = next.behind();
        window.observe(config.pageId(), out.customer);
        LOG.debug(
                "polled page {}: {} customer message(s), {} own, {} rejected, more={}",
                config.pageId(),
                out.customer.size(),
                out.own.size(),
                out.rejected.size(),
                more);
        return new Batch(
                out.customer, out.own, out.rejected, Optional.of(new Checkpoint(sourceId(), next.format())), more);
    }

    /**
     * Reads the comments of one post newer than {@code mark}, oldest first, at most {@value #MAX_COMMENT_PAGES}
     * pages. Returns the mark of the newest comment read when the cap stopped it (the post's own checkpoint, so
     * the next poll resumes there), empty when the post was read to its end.
     */
    private Optional<Mark> readComments(
            String postId, Mark mark, Mark.Builder newest, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
        Mark.Builder readHere = mark.toBuilder();
        Optional<String> after = Optional.empty();
        for (int pageNo = 0; pageNo < MAX_COMMENT_PAGES; pageNo++) {
            List<Parameter> params = new ArrayList<>(List.of(
                    Parameter.with("fields", COMMENT_FIELDS),
                    Parameter.with("filter", "stream"),
                    Parameter.with("order", "chronological"),
                    Parameter.with("since", mark.at().getEpochSecond()),
                    Parameter.with("limit", config.pageSize())));
            after.ifPresent(c -> params.add(Parameter.with("after", c)));
            Connection<JsonObject> page = graph.call(
                    "read comments of " + postId,
                    c -> c.fetchConnection(postId + "/comments", JsonObject.class, params.toArray(Parameter[]::new)));
            List<JsonObject> comments = page.getData();
            for (int i = 0; i < comments.size(); i++) {
                JsonObject comment = comments.get(i);
                String path = postId + ".comments.data[" + i + "]";
                String id = Json.text(comment, "id").orElse("");
                Instant created = Json.time(comment, "created_time").orElse(ctx.fallbackTime());
                if (!mark.isNew(id, created)) {
                    continue;
                }
                readItem(() -> mapper.comment(comment, Optional.of(postId), path, ctx, out), comment, path, out);
                newest.see(id, created);
                readHere.see(id, created);
            }
            if (!page.hasNext() || page.getAfterCursor() == null) {
                return Optional.empty();
            }
            after = Optional.of(page.getAfterCursor());
        }
        LOG.info(
                "post {} has more than {} pages of new comments; the next poll resumes after the last one read",
                postId,
                MAX_COMMENT_PAGES);
        return Optional.of(readHere.build());
    }

    /** What one inbox read leaves for the checkpoint. */
    private record Inbox(
            Mark mark, Optional<String> cursor, Optional<Mark> pending, Map<String, Resume> conversations) {}

    /**
     * Reads the conversations updated since the inbox mark (newest first, at most {@value #MAX_INBOX_PAGES} pages;
     * beyond that the listing cursor is kept and the mark stays) and each one's messages down to the mark, first
     * continuing the conversations a previous poll left part-read.
     */
    private Inbox readInbox(Position pos, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
        Mark mark = pos.inbox();
        Mark.Builder newest = pos.inboxPending().orElse(mark).toBuilder();
        Map<String, Resume> conversations = new LinkedHashMap<>();
        for (Map.Entry<String, Resume> behind : pos.conversations().entrySet()) {
            Resume r = behind.getValue();
            readMessages(behind.getKey(), r.stop(), Optional.of(r.cursor()), newest, ctx, out)
                    .ifPresent(c -> conversations.put(behind.getKey(), new Resume(c, r.stop())));
        }
        Optional<String> after = pos.inboxCursor();
        for (int pageNo = 0; pageNo < MAX_INBOX_PAGES; pageNo++) {
            List<Parameter> params = new ArrayList<>(List.of(
                    Parameter.with("fields", "id,updated_time"),
                    Parameter.with("platform", "messenger"),
                    Parameter.with("limit", config.pageSize())));
            after.ifPresent(c -> params.add(Parameter.with("after", c)));
            Connection<JsonObject> page = graph.call(
                    "read conversations",
                    c -> c.fetchConnection(
                            config.pageId() + "/conversations", JsonObject.class, params.toArray(Parameter[]::new)));
            boolean older = false;
            for (JsonObject conv : page.getData()) {
                Optional<String> id = Json.text(conv, "id");
                Instant updated = Json.time(conv, "updated_time").orElse(ctx.fallbackTime());
                if (updated.isBefore(mark.at())) {
                    older = true; // newest first: the rest did not change
                    break;
                }
                if (id.isEmpty()) {
                    out.rejected.add(
                            new RejectedPayload(sourceId(), conv.toString(), "conversations.data: id missing"));
                    continue;
                }
                Mark stop = Optional.ofNullable(pos.conversations().get(id.get()))
                        .map(r -> newerOf(r.stop(), mark))
                        .orElse(mark);
                readMessages(id.get(), stop, Optional.empty(), newest, ctx, out)
                        .ifPresent(c -> conversations.putIfAbsent(id.get(), new Resume(c, stop)));
            }
            if (older || !page.hasNext() || page.getAfterCursor() == null) {
                return new Inbox(newest.build(), Optional.empty(), Optional.empty(), conversations);
            }
            after = Optional.of(page.getAfterCursor());
        }
        LOG.info("more than {} pages of changed conversations; the next poll continues the list", MAX_INBOX_PAGES);
        return new Inbox(mark, after, Optional.of(newest.build()), conversations);
    }

    private static Mark newerOf(Mark a, Mark b) {
        return a.at().isAfter(b.at()) ? a : b;
    }

    /**
     * Reads one conversation's messages (newest first) from {@code cursor} down to {@code stop}, at most
     * {@value #MAX_MESSAGE_PAGES} pages. Returns the cursor to continue from when the cap stopped it.
     */
    private Optional<String> readMessages(
            String conversationId,
            Mark stop,
            Optional<String> cursor,
            Mark.Builder newest,
            PayloadMapper.Context ctx,
            PayloadMapper.Collected out) {
        Optional<String> after = cursor;
        for (int pageNo = 0; pageNo < MAX_MESSAGE_PAGES; pageNo++) {
            List<Parameter> params = new ArrayList<>(
                    List.of(Parameter.with("fields", MESSAGE_FIELDS), Parameter.with("limit", config.pageSize())));
            after.ifPresent(c -> params.add(Parameter.with("after", c)));
            Connection<JsonObject> page = graph.call(
                    "read messages of " + conversationId,
                    c -> c.fetchConnection(
                            conversationId + "/messages", JsonObject.class, params.toArray(Parameter[]::new)));
            List<JsonObject> messages = page.getData();
            boolean reachedStop = false;
            for (int i = 0; i < messages.size(); i++) {
                JsonObject m = messages.get(i);
                String id = Json.text(m, "id").orElse("");
                Instant created = Json.time(m, "created_time").orElse(ctx.fallbackTime());
                if (created.getEpochSecond() < stop.at().getEpochSecond()) {
                    reachedStop = true; // newest first: the rest was read before
                    break;
                }
                if (!stop.isNew(id, created)) {
                    continue;
                }
                String path = conversationId + ".messages.data[" + i + "]";
                readItem(() -> mapper.inboxMessage(m, path, ctx, out), m, path, out);
                newest.see(id, created);
            }
            if (reachedStop || !page.hasNext() || page.getAfterCursor() == null) {
                return Optional.empty();
            }
            after = Optional.of(page.getAfterCursor());
        }
        LOG.info(
                "conversation {} has more than {} pages of new messages; the next poll continues it",
                conversationId,
                MAX_MESSAGE_PAGES);
        return after;
    }

    private void readItem(Runnable read, JsonObject raw, String path, PayloadMapper.Collected out) {
        try {
            read.run();
        } catch (MalformedPayloadException e) {
            out.rejected.add(new RejectedPayload(sourceId(), raw.toString(), e.getMessage()));
        }
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(60);
    }

    /**
     * How far one stream (the feed with its comments, or the inbox) was read: the newest whole second seen and the
     * ids seen in that second, so the next poll (Graph's {@code since} is inclusive) returns nothing twice. At most
     * {@value #MAX_IDS} ids are kept; beyond that an item of a busy second may come again (the desk dedupes).
     */
    record Mark(Instant at, Set<String> idsAtSecond) {
        static final int MAX_IDS = 20;

        Mark {
            at = Instant.ofEpochSecond(at.getEpochSecond());
            idsAtSecond = Set.copyOf(idsAtSecond);
        }

        static Mark at(Instant at) {
            return new Mark(at, Set.of());
        }

        /** Newer than this mark, or in its second and not seen yet. */
        boolean isNew(String id, Instant created) {
            long s = created.getEpochSecond();
            return s > at.getEpochSecond() || (s == at.getEpochSecond() && !idsAtSecond.contains(id));
        }

        Builder toBuilder() {
            return new Builder(at, idsAtSecond);
        }

        /** Tracks the newest second seen while reading. Not thread-safe. */
        static final class Builder {
            private Instant at;
            private final Set<String> ids;

            private Builder(Instant at, Set<String> ids) {
                this.at = at;
                this.ids = new LinkedHashSet<>(ids);
            }

            void see(String id, Instant created) {
                Instant second = Instant.ofEpochSecond(created.getEpochSecond());
                if (second.isAfter(at)) {
                    at = second;
                    ids.clear();
                }
                if (second.equals(at) && ids.size() < MAX_IDS && !id.isEmpty()) {
                    ids.add(id);
                }
            }

            Mark build() {
                return new Mark(at, ids);
            }
        }
    }

    /** Where a part-read conversation continues: the listing cursor and the mark it reads down to. */
    record Resume(String cursor, Mark stop) {}

    /**
     * The checkpoint: the feed's mark, the feed cursor while paging (with the newest mark of the run so far), the
     * inbox's mark, the conversation-list cursor while paging it (with its pending mark), and the per-post and
     * per-conversation positions of those a capped poll left part-read. Text form {@code feed=<s>;fids=<ids>;
     * after=<cursor>;pending=<s>;pids=<ids>;inbox=<s>;iids=<ids>;iafter=<cursor>;ipending=<s>;ipids=<ids>;
     * post.<id>=<s>:<ids>;conv.<id>=<cursor>:<s>:<ids>} with URL-encoded values and comma-separated ids; the
     * fields from {@code iafter} on are optional, so checkpoints stored before them still read.
     */
    record Position(
            Mark feed,
            Optional<String> cursor,
            Optional<Mark> pending,
            Mark inbox,
            Optional<String> inboxCursor,
            Optional<Mark> inboxPending,
            Map<String, Mark> posts,
            Map<String, Resume> conversations) {
        Position {
            posts = Collections.unmodifiableMap(new LinkedHashMap<>(posts));
            conversations = Collections.unmodifiableMap(new LinkedHashMap<>(conversations));
        }

        /** A position with nothing part-read and no conversation-list cursor (the form before those existed). */
        Position(Mark feed, Optional<String> cursor, Optional<Mark> pending, Mark inbox) {
            this(feed, cursor, pending, inbox, Optional.empty(), Optional.empty(), Map.of(), Map.of());
        }

        static Position start(Mark at) {
            return new Position(
                    at, Optional.empty(), Optional.empty(), at, Optional.empty(), Optional.empty(), Map.of(), Map.of());
        }

        Position withFeed(Mark feed, Optional<String> cursor, Optional<Mark> pending, Map<String, Mark> posts) {
            return new Position(feed, cursor, pending, inbox, inboxCursor, inboxPending, posts, conversations);
        }

        /** Whether something is left to read at once: a feed or list cursor, a part-read post or conversation. */
        boolean behind() {
            return cursor.isPresent() || inboxCursor.isPresent() || !posts.isEmpty() || !conversations.isEmpty();
        }

        String format() {
            StringBuilder s = new StringBuilder()
                    .append("feed=")
                    .append(feed.at().getEpochSecond())
                    .append(";fids=")
                    .append(ids(feed))
                    .append(";after=")
                    .append(cursor.map(RestFbChannelSource::encode).orElse(""))
                    .append(";pending=")
                    .append(pending.map(p -> String.valueOf(p.at().getEpochSecond()))
                            .orElse(""))
                    .append(";pids=")
                    .append(pending.map(Position::ids).orElse(""))
                    .append(";inbox=")
                    .append(inbox.at().getEpochSecond())
                    .append(";iids=")
                    .append(ids(inbox));
            if (inboxCursor.isPresent()) {
                s.append(";iafter=").append(encode(inboxCursor.get()));
            }
            inboxPending.ifPresent(p -> s.append(";ipending=")
                    .append(p.at().getEpochSecond())
                    .append(";ipids=")
                    .append(ids(p)));
            posts.forEach((id, m) -> s.append(";post.")
                    .append(encode(id))
                    .append('=')
                    .append(m.at().getEpochSecond())
                    .append(':')
                    .append(ids(m)));
            conversations.forEach((id, r) -> s.append(";conv.")
                    .append(encode(id))
                    .append('=')
                    .append(encode(r.cursor()))
                    .append(':')
                    .append(r.stop().at().getEpochSecond())
                    .append(':')
                    .append(ids(r.stop())));
            return s.toString();
        }

        private static String ids(Mark m) {
            return m.idsAtSecond().stream()
                    .sorted()
                    .map(RestFbChannelSource::encode)
                    .collect(Collectors.joining(","));
        }

        static Optional<Position> parse(String text) {
            try {
                Map<String, String> parts = new HashMap<>();
                Map<String, Mark> posts = new LinkedHashMap<>();
                Map<String, Resume> conversations = new LinkedHashMap<>();
                for (String part : text.split(";")) {
                    int eq = part.indexOf('=');
                    String key = part.substring(0, eq);
                    String value = part.substring(eq + 1);
                    if (key.startsWith("post.")) {
                        String[] v = value.split(":", -1);
                        posts.put(decode(key.substring(5)), mark(v[0], v[1]));
                    } else if (key.startsWith("conv.")) {
                        String[] v = value.split(":", -1);
                        conversations.put(decode(key.substring(5)), new Resume(decode(v[0]), mark(v[1], v[2])));
                    } else {
                        parts.put(key, value);
                    }
                }
                Mark feed = mark(parts.get("feed"), parts.getOrDefault("fids", ""));
                Mark inbox = mark(parts.get("inbox"), parts.getOrDefault("iids", ""));
                String ipending = parts.getOrDefault("ipending", "");
                return Optional.of(new Position(
                        feed,
                        optional(parts.getOrDefault("after", "")),
                        optionalMark(parts.getOrDefault("pending", ""), parts.getOrDefault("pids", "")),
                        inbox,
                        optional(parts.getOrDefault("iafter", "")),
                        optionalMark(ipending, parts.getOrDefault("ipids", "")),
                        posts,
                        conversations));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private static Optional<String> optional(String encoded) {
            return encoded.isEmpty() ? Optional.empty() : Optional.of(decode(encoded));
        }

        private static Optional<Mark> optionalMark(String seconds, String ids) {
            return seconds.isEmpty() ? Optional.empty() : Optional.of(mark(seconds, ids));
        }

        private static Mark mark(String seconds, String ids) {
            Set<String> set = new LinkedHashSet<>();
            for (String id : ids.split(",")) {
                if (!id.isEmpty()) {
                    set.add(decode(id));
                }
            }
            return new Mark(Instant.ofEpochSecond(Long.parseLong(seconds)), set);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
