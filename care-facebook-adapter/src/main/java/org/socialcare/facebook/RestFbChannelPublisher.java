package org.socialcare.facebook;

import com.restfb.Connection;
import com.restfb.Parameter;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import com.restfb.types.GraphResponse;
import com.restfb.types.send.CommentIdMessageRecipient;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.EchoText;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.PublishedLookup;

/**
 * Publishes outbox entries on Facebook pages with restfb, picking the page by the channel's
 * {@code platformAccountId}:
 * <ul>
 *   <li>PUBLIC_REPLY: a comment under the target post or comment ({@code POST /{target}/comments}); returns the new comment id;</li>
 *   <li>PRIVATE_REPLY_TO_COMMENT: Messenger's private reply ({@code POST /{page}/messages} with
 *       {@code recipient.comment_id}); Facebook allows one per comment, so a second entry for the same comment
 *       fails with INVALID_REQUEST (code 10900) without calling Facebook, and Facebook's own 10900 answer to a
 *       retry of the very entry that was already attempted counts as DUPLICATE (it got through);</li>
 *   <li>PRIVATE_MESSAGE: a Messenger message ({@code messaging_type=RESPONSE}); when the {@link MessengerWindow}
 *       knows the customer's last message is older than the window it fails with OUTSIDE_WINDOW without calling
 *       Facebook; otherwise Facebook's 10/2018278 answer maps to the same kind;</li>
 *   <li>HIDE_COMMENT / UNHIDE_COMMENT: {@code POST /{comment}} with {@code is_hidden}; DELETE_OWN_POST:
 *       {@code DELETE /{post}}; these return no id.</li>
 * </ul>
 * Graph errors map to {@link PlatformException} kinds as {@code GraphErrors} documents. Calls carry
 * {@code appsecret_proof}; the token travels only in the Authorization header. Logs ids and kinds, never text
 * or tokens. Thread-safe.
 */
public final class RestFbChannelPublisher implements ChannelPublisher {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestFbChannelPublisher.class);

    private final Map<String, GraphClient> clients;
    private final MessengerWindow window;
    /**
     * comment id -> the outbox entry that privately replied (or is trying to), as seen by this instance: a bounded
     * cache that saves a call for a second entry. Whether an entry is a retry is derived from the entry itself
     * ({@code attempts > 0}, durable in the outbox), so a restart or another node does not forget it.
     */
    private final Map<String, ReplyId> privateReplies =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ReplyId> eldest) {
                    return size() > PRIVATE_REPLY_CACHE;
                }
            });

    /** How many comments' private replies one instance remembers (the oldest used are forgotten first). */
    static final int PRIVATE_REPLY_CACHE = 10_000;

    /** @throws IllegalArgumentException if {@code pages} is empty or names a page twice */
    public RestFbChannelPublisher(List<FacebookAdapterConfig> pages, MessengerWindow window, Clock clock) {
        Objects.requireNonNull(pages, "pages must not be null");
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("pages must name at least one Facebook page");
        }
        Objects.requireNonNull(clock, "clock must not be null");
        this.window = Objects.requireNonNull(window, "window must not be null");
        Redactor redactor = Redactor.of(pages);
        Map<String, GraphClient> byPage = new LinkedHashMap<>();
        for (FacebookAdapterConfig c : pages) {
            if (byPage.put(c.pageId(), new GraphClient(c, redactor, clock)) != null) {
                throw new IllegalArgumentException("page " + c.pageId() + " is configured twice");
            }
        }
        this.clients = Map.copyOf(byPage);
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public Optional<String> publish(Channel channel, Reply reply) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        String pageId = channel.platformAccountId();
        GraphClient graph = clients.get(pageId);
        if (graph == null) {
            throw PlatformException.of(
                    Kind.INVALID_REQUEST,
                    "no Facebook page " + pageId + " is configured for channel " + channel.id()
                            + "; configured pages are " + clients.keySet(),
                    null);
        }
        reply.target().ifPresent(RestFbChannelPublisher::requireGraphId);
        Optional<String> id =
                switch (reply.kind()) {
                    case PUBLIC_REPLY -> {
                        String target = reply.target().orElseThrow();
                        GraphResponse r = graph.write(
                                "comment on " + target,
                                c -> c.publish(
                                        target + "/comments",
                                        GraphResponse.class,
                                        Parameter.with("message", reply.text())));
                        yield Optional.ofNullable(r.getId());
                    }
                    case PRIVATE_REPLY_TO_COMMENT -> privateReply(graph, pageId, reply);
                    case PRIVATE_MESSAGE -> message(graph, pageId, reply);
                    case HIDE_COMMENT, UNHIDE_COMMENT -> {
                        String target = reply.target().orElseThrow();
                        boolean hide = reply.kind() == org.socialcare.core.domain.ReplyKind.HIDE_COMMENT;
                        GraphResponse r = graph.write(
                                (hide ? "hide comment " : "unhide comment ") + target,
                                c -> c.publish(target, GraphResponse.class, Parameter.with("is_hidden", hide)));
                        if (!r.isSuccess()) {
                            throw PlatformException.of(
                                    Kind.INVALID_REQUEST,
                                    "Facebook did not confirm " + (hide ? "hiding" : "unhiding") + " comment " + target,
                                    null);
                        }
                        yield Optional.empty();
                    }
                    case DELETE_OWN_POST -> {
                        String target = reply.target().orElseThrow();
                        boolean deleted = graph.write("delete " + target, c -> c.deleteObject(target));
                        if (!deleted) {
                            throw PlatformException.of(
                                    Kind.INVALID_REQUEST, "Facebook did not confirm deleting " + target, null);
                        }
                        yield Optional.empty();
                    }
                };
        LOG.info(
                "published {} {} on page {}{}",
                reply.kind(),
                reply.id(),
                pageId,
                id.map(s -> " as " + s).orElse(""));
        return id;
    }

    /** How many pages (of {@link #LOOKUP_PAGE_SIZE}) of comments or messages a lookup reads at most. */
    static final int LOOKUP_PAGES = 10;

    static final int LOOKUP_PAGE_SIZE = 100;

    /**
     * Looks for a reply whose answer was lost: a PUBLIC_REPLY among the comments under its target
     * ({@code GET /{target}/comments}) written by the page, a PRIVATE_MESSAGE among the page's messages in its
     * conversation with the customer ({@code GET /{page}/conversations?user_id={psid}}, then
     * {@code GET /{conversation}/messages}) sent to that customer, the text compared with {@link EchoText}. Reads
     * at most {@link #LOOKUP_PAGES} pages, else CANNOT_TELL. A private reply to a comment is CANNOT_TELL: sending it
     * again is safe, Facebook answers 10900, which a retried entry counts as sent. Hiding, unhiding and deleting
     * are CANNOT_TELL too (doing them again changes nothing). A reply to a reply (a second-level comment) lands under
     * the first-level comment on Facebook: when it is not under its target it is looked for there (see
     * {@link #findInThread}).
     */
    @Override
    public PublishedLookup findPublished(Channel channel, Reply reply) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        String pageId = channel.platformAccountId();
        GraphClient graph = clients.get(pageId);
        if (graph == null) {
            return PublishedLookup.cannotTell();
        }
        return switch (reply.kind()) {
            case PUBLIC_REPLY -> {
                String target = reply.target().orElseThrow();
                requireGraphId(target);
                PublishedLookup underTarget = findIn(
                        graph,
                        target + "/comments",
                        "look up the page's comments under " + target,
                        item -> fromPage(item, pageId) && sameText(reply, item));
                if (underTarget.outcome() != PublishedLookup.Outcome.NOT_FOUND) {
                    yield underTarget;
                }
                yield findInThread(graph, pageId, target, reply);
            }
            case PRIVATE_MESSAGE -> findMessage(graph, pageId, reply);
            default -> PublishedLookup.cannotTell();
        };
    }

    /**
     * How far before an entry's creation a comment found in the target's thread may be (clocks differ): older
     * comments of the page with the same words answered someone else.
     */
    static final Duration THREAD_LOOKUP_SLACK = Duration.ofMinutes(5);

    /**
     * A reply to a second-level comment: Facebook files it under the first-level comment ({@code parent} of the
     * target), with nothing saying which reply of the thread it answers. So it is looked for among the page's
     * comments under the parent, with the same text, created no earlier than the entry less
     * {@link #THREAD_LOOKUP_SLACK}. A target without a parent (a first-level comment), or one whose {@code parent}
     * Facebook refuses to read (a post has no such field), was searched fully under itself: NOT_FOUND.
     */
    private static PublishedLookup findInThread(GraphClient graph, String pageId, String target, Reply reply) {
        JsonObject node;
        try {
            node = graph.call(
                    "read the parent of " + target,
                    c -> c.fetchObject(target, JsonObject.class, Parameter.with("fields", "id,parent")));
        } catch (PlatformException e) {
            if (e.kind() == Kind.INVALID_REQUEST) {
                return PublishedLookup.notFound(); // not a comment: nothing is filed elsewhere
            }
            throw e;
        }
        Optional<String> parent = Json.object(node, "parent").flatMap(p -> Json.text(p, "id"));
        if (parent.isEmpty() || parent.get().equals(target)) {
            return PublishedLookup.notFound();
        }
        requireGraphId(parent.get());
        Instant notBefore = reply.createdAt().minus(THREAD_LOOKUP_SLACK);
        return findIn(
                graph,
                parent.get() + "/comments",
                "look up the page's comments in the thread of " + target,
                item -> fromPage(item, pageId)
                        && sameText(reply, item)
                        && Json.time(item, "created_time")
                                .filter(t -> !t.isBefore(notBefore))
                                .isPresent());
    }

    private static PublishedLookup findMessage(GraphClient graph, String pageId, Reply reply) {
        String psid = reply.recipient().orElseThrow();
        requireGraphId(psid);
        Connection<JsonObject> list = graph.call(
                "look up the conversation with " + psid,
                c -> c.fetchConnection(
                        pageId + "/conversations",
                        JsonObject.class,
                        Parameter.with("user_id", psid),
                        Parameter.with("platform", "messenger"),
                        Parameter.with("fields", "id")));
        PublishedLookup result = PublishedLookup.notFound();
        for (JsonObject conversation : list.getData()) {
            Optional<String> id = Json.text(conversation, "id");
            if (id.isEmpty()) {
                continue;
            }
            requireGraphId(id.get());
            PublishedLookup found = findIn(
                    graph,
                    id.get() + "/messages",
                    "look up the page's messages in conversation " + id.get(),
                    item -> fromPage(item, pageId) && sentTo(item, psid) && sameText(reply, item));
            if (found.outcome() != PublishedLookup.Outcome.NOT_FOUND) {
                return found;
            }
        }
        return result;
    }

    /** Pages through {@code edge} (newest first where Facebook allows) for the first item {@code matches}. */
    private static PublishedLookup findIn(
            GraphClient graph, String edge, String operation, java.util.function.Predicate<JsonObject> matches) {
        Optional<String> after = Optional.empty();
        for (int pageNo = 0; pageNo < LOOKUP_PAGES; pageNo++) {
            Optional<String> cursor = after;
            Connection<JsonObject> page = graph.call(operation, c -> {
                List<Parameter> params = new java.util.ArrayList<>(List.of(
                        Parameter.with("fields", "id,from,to,message,created_time"),
                        Parameter.with("order", "reverse_chronological"),
                        Parameter.with("limit", LOOKUP_PAGE_SIZE)));
                cursor.ifPresent(a -> params.add(Parameter.with("after", a)));
                return c.fetchConnection(edge, JsonObject.class, params.toArray(Parameter[]::new));
            });
            for (JsonObject item : page.getData()) {
                if (matches.test(item)) {
                    return Json.text(item, "id").map(PublishedLookup::found).orElseGet(PublishedLookup::foundWithoutId);
                }
            }
            if (!page.hasNext() || page.getAfterCursor() == null) {
                return PublishedLookup.notFound();
            }
            after = Optional.of(page.getAfterCursor());
        }
        return PublishedLookup.cannotTell();
    }

    private static boolean fromPage(JsonObject item, String pageId) {
        return Json.object(item, "from")
                .flatMap(f -> Json.text(f, "id"))
                .filter(pageId::equals)
                .isPresent();
    }

    private static boolean sentTo(JsonObject item, String psid) {
        Optional<JsonObject> to = Json.object(item, "to");
        if (to.isEmpty()) {
            return true; // the conversation is the customer's
        }
        for (JsonValue r : Json.dataOf(item, "to")) {
            if (r.isObject()
                    && Json.text(r.asObject(), "id").filter(psid::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameText(Reply reply, JsonObject item) {
        return Json.text(item, "message")
                .filter(m -> EchoText.sameText(reply.text(), m))
                .isPresent();
    }

    private static final java.util.regex.Pattern GRAPH_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    /** Targets become URL paths: anything but a Graph id is refused before a call is made. */
    private static void requireGraphId(String target) {
        if (!GRAPH_ID.matcher(target).matches()) {
            throw PlatformException.of(
                    Kind.INVALID_REQUEST, "target '" + target + "' is not a Facebook object id", null);
        }
    }

    private Optional<String> privateReply(GraphClient graph, String pageId, Reply reply) {
        String comment = reply.target().orElseThrow();
        ReplyId earlier = privateReplies.putIfAbsent(comment, reply.id());
        if (earlier != null && !earlier.equals(reply.id())) {
            throw PlatformException.of(
                    Kind.INVALID_REQUEST,
                    "comment " + comment + " already has a private reply (outbox entry " + earlier
                            + "); Facebook allows one private reply per comment",
                    String.valueOf(GraphErrors.ALREADY_REPLIED));
        }
        boolean retry = earlier != null || reply.attempts() > 0;
        try {
            SendResponse r = graph.write(
                    "private reply to comment " + comment,
                    c -> c.publish(
                            pageId + "/messages",
                            SendResponse.class,
                            Parameter.with("recipient", new CommentIdMessageRecipient(comment)),
                            Parameter.with("message", new Message(reply.text()))));
            return Optional.ofNullable(r.getMessageId());
        } catch (PlatformException e) {
            boolean alreadyReplied = e.platformCode()
                    .filter(c -> c.startsWith(GraphErrors.ALREADY_REPLIED + ""))
                    .isPresent();
            if (alreadyReplied && retry) {
                throw new PlatformException(
                        Kind.DUPLICATE,
                        "an earlier attempt of " + reply.id() + " already sent the private reply to comment " + comment,
                        e.platformCode(),
                        Optional.empty(),
                        null);
            }
            if (alreadyReplied) {
                throw new PlatformException(
                        Kind.INVALID_REQUEST,
                        "comment " + comment + " already has a private reply; Facebook allows one per comment",
                        e.platformCode(),
                        Optional.empty(),
                        null);
            }
            if (!e.isRetryable() && e.kind() != Kind.UNKNOWN) {
                privateReplies.remove(comment, reply.id()); // nothing was sent: another entry may try
            }
            throw e;
        }
    }

    private Optional<String> message(GraphClient graph, String pageId, Reply reply) {
        String psid = reply.recipient().orElseThrow();
        if (window.state(pageId, psid) == MessengerWindow.State.CLOSED) {
            throw PlatformException.of(
                    Kind.OUTSIDE_WINDOW,
                    "customer " + psid + " last wrote to page " + pageId + " at "
                            + window.lastCustomerMessage(pageId, psid).orElseThrow() + ", more than " + window.window()
                            + " ago; Messenger allows no free-form message outside that window",
                    "window");
        }
        SendResponse r = graph.write(
                "message to " + psid,
                c -> c.publish(
                        pageId + "/messages",
                        SendResponse.class,
                        Parameter.with("recipient", new IdMessageRecipient(psid)),
                        Parameter.with("messaging_type", "RESPONSE"),
                        Parameter.with("message", new Message(reply.text()))));
        return Optional.ofNullable(r.getMessageId());
    }
}
