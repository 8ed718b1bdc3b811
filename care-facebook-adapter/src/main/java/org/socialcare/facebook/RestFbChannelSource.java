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
import java.util.HashMap;
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
 * that second (Graph's {@code since} is inclusive), so nothing is returned twice. Posts older than
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
            Mark start = Mark.at(now.minus(config.initialLookback()));
            return new Position(start, Optional.empty(), Optional.empty(), start);
        });
        PayloadMapper.Collected out = new PayloadMapper.Collected();
        PayloadMapper.Context ctx = new PayloadMapper.Context(config.channel(), Optional.of(config.pageId()), now);
        Mark feedMark = pos.feed();

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
        Mark.Builder newest = pos.pending().orElse(feedMark).toBuilder();
        List<JsonObject> posts = feed.getData();
        for (int i = 0; i < posts.size(); i++) {
            JsonObject post = posts.get(i);
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
            readComments(postId.get(), feedMark, newest, ctx, out);
        }
        Optional<String> after = feed.hasNext() ? Optional.ofNullable(feed.getAfterCursor()) : Optional.empty();
        Position next;
        boolean more;
        if (after.isPresent()) {
            next = new Position(feedMark, after, Optional.of(newest.build()), pos.inbox());
            more = true;
        } else {
            Mark.Builder inbox = pos.inbox().toBuilder();
            readInbox(pos.inbox(), inbox, ctx, out);
            next = new Position(newest.build(), Optional.empty(), Optional.empty(), inbox.build());
            more = false;
        }
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

    private void readComments(
            String postId, Mark mark, Mark.Builder newest, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
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
            }
            if (!page.hasNext() || page.getAfterCursor() == null) {
                return;
            }
            after = Optional.of(page.getAfterCursor());
        }
        LOG.warn(
                "post {} has more than {} pages of new comments; the rest is read on the next poll",
                postId,
                MAX_COMMENT_PAGES);
    }

    private void readInbox(Mark mark, Mark.Builder newest, PayloadMapper.Context ctx, PayloadMapper.Collected out) {
        Optional<String> after = Optional.empty();
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
                readMessages(id.get(), mark, newest, ctx, out);
            }
            if (older || !page.hasNext() || page.getAfterCursor() == null) {
                return;
            }
            after = Optional.of(page.getAfterCursor());
        }
    }

    private void readMessages(
            String conversationId,
            Mark mark,
            Mark.Builder newest,
            PayloadMapper.Context ctx,
            PayloadMapper.Collected out) {
        Connection<JsonObject> page = graph.call(
                "read messages of " + conversationId,
                c -> c.fetchConnection(
                        conversationId + "/messages",
                        JsonObject.class,
                        Parameter.with("fields", MESSAGE_FIELDS),
                        Parameter.with("limit", config.pageSize())));
        List<JsonObject> messages = page.getData();
        for (int i = 0; i < messages.size(); i++) {
            JsonObject m = messages.get(i);
            String id = Json.text(m, "id").orElse("");
            Instant created = Json.time(m, "created_time").orElse(ctx.fallbackTime());
            if (!mark.isNew(id, created)) {
                continue;
            }
            String path = conversationId + ".messages.data[" + i + "]";
            readItem(() -> mapper.inboxMessage(m, path, ctx, out), m, path, out);
            newest.see(id, created);
        }
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

    /**
     * The checkpoint: the feed's mark, the feed cursor while paging (with the newest mark of the run so far), and
     * the inbox's mark. Text form {@code feed=<s>;fids=<ids>;after=<cursor>;pending=<s>;pids=<ids>;inbox=<s>;iids=<ids>}
     * with URL-encoded, comma-separated ids.
     */
    record Position(Mark feed, Optional<String> cursor, Optional<Mark> pending, Mark inbox) {
        String format() {
            return "feed=" + feed.at().getEpochSecond() + ";fids=" + ids(feed)
                    + ";after=" + cursor.map(RestFbChannelSource::encode).orElse("")
                    + ";pending="
                    + pending.map(p -> String.valueOf(p.at().getEpochSecond())).orElse("")
                    + ";pids=" + pending.map(Position::ids).orElse("")
                    + ";inbox=" + inbox.at().getEpochSecond() + ";iids=" + ids(inbox);
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
                for (String part : text.split(";")) {
                    int eq = part.indexOf('=');
                    parts.put(part.substring(0, eq), part.substring(eq + 1));
                }
                Mark feed = mark(parts.get("feed"), parts.getOrDefault("fids", ""));
                Mark inbox = mark(parts.get("inbox"), parts.getOrDefault("iids", ""));
                String after = parts.getOrDefault("after", "");
                String pending = parts.getOrDefault("pending", "");
                return Optional.of(new Position(
                        feed,
                        after.isEmpty()
                                ? Optional.empty()
                                : Optional.of(URLDecoder.decode(after, StandardCharsets.UTF_8)),
                        pending.isEmpty()
                                ? Optional.empty()
                                : Optional.of(mark(pending, parts.getOrDefault("pids", ""))),
                        inbox));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private static Mark mark(String seconds, String ids) {
            Set<String> set = new LinkedHashSet<>();
            for (String id : ids.split(",")) {
                if (!id.isEmpty()) {
                    set.add(URLDecoder.decode(id, StandardCharsets.UTF_8));
                }
            }
            return new Mark(Instant.ofEpochSecond(Long.parseLong(seconds)), set);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
