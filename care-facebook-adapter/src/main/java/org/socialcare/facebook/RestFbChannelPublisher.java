package org.socialcare.facebook;

import com.restfb.Parameter;
import com.restfb.types.GraphResponse;
import com.restfb.types.send.CommentIdMessageRecipient;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import java.time.Clock;
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
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.core.port.out.ChannelPublisher;

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
                        GraphResponse r = graph.call(
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
                        GraphResponse r = graph.call(
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
                        boolean deleted = graph.call("delete " + target, c -> c.deleteObject(target));
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
            SendResponse r = graph.call(
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
            if (!e.isRetryable()) {
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
        SendResponse r = graph.call(
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
