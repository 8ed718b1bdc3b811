package org.socialcare.examples.webchat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelSource;

/**
 * Reads one bank web chat through {@code GET /api/messages?after=<seq>&limit=<n>}: the checkpoint is the last
 * sequence number read, each poll returns one page and says {@code hasMore} while a backlog remains. Customer
 * items become PRIVATE {@link InboundMessage}s keyed {@code webchat:<seq>}, authored by the chat session (its
 * id is the {@link org.socialcare.core.domain.Party#platformUserId()}, so one chat is one customer); agent
 * items come back as {@link org.socialcare.core.domain.OwnMessage}s; an item that does not fit the format goes
 * to {@link Batch#rejected()} with its raw JSON and the reason, and the checkpoint moves past it. A page that
 * is not the API's JSON at all raises TRANSIENT (the checkpoint stays, the page is asked for again); HTTP
 * errors map as {@link WebChatClient} says. Not thread-safe by contract (the scheduler never polls one source
 * concurrently), though it holds no state.
 */
public final class WebChatChannelSource implements ChannelSource {
    private final WebChatSettings settings;
    private final ChannelId channel;
    private final String sourceId;
    private final WebChatClient client;
    private final ChatItems items;

    /** A source for the desk's {@code channel}, reading the server in {@code settings}. */
    public WebChatChannelSource(WebChatSettings settings, ChannelId channel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.sourceId = "webchat:" + channel.value() + ":messages";
        this.client = new WebChatClient(settings);
        this.items = new ChatItems(channel, sourceId);
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public ChannelId channel() {
        return channel;
    }

    @Override
    public Duration pollInterval() {
        return settings.pollInterval();
    }

    @Override
    public Batch poll(Optional<Checkpoint> since) {
        long after = since.map(this::sequenceOf).orElse(0L);
        String body = client.get("/api/messages?after=" + after + "&limit=" + settings.pageSize());
        Page page = Page.read(body);
        Batch batch = items.read(page.items()).withHasMore(page.hasMore());
        return page.items().isEmpty()
                ? batch
                : batch.withCheckpoint(new Checkpoint(sourceId, String.valueOf(page.last())));
    }

    private long sequenceOf(Checkpoint checkpoint) {
        try {
            return Long.parseLong(checkpoint.position());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "checkpoint of " + sourceId + " must be a sequence number but was '" + checkpoint.position() + "'",
                    e);
        }
    }

    @Override
    public String toString() {
        return "WebChatChannelSource[" + sourceId + ", " + settings + "]";
    }

    /** One page of {@code GET /api/messages}. */
    private record Page(List<ChatJson.Parsed> items, long last, boolean hasMore) {
        static Page read(String body) {
            try {
                if (ChatJson.parse(body) instanceof Map<?, ?> page
                        && page.get("messages") instanceof List<?> items
                        && page.get("last") instanceof Long last
                        && page.get("hasMore") instanceof Boolean hasMore) {
                    return new Page(
                            items.stream().map(ChatJson.Parsed.class::cast).toList(), last, hasMore);
                }
                throw new IllegalArgumentException("expected {messages, last, hasMore}");
            } catch (IllegalArgumentException e) {
                throw PlatformException.of(
                        PlatformException.Kind.TRANSIENT,
                        "GET /api/messages gave an unreadable page: " + e.getMessage(),
                        null);
            }
        }
    }
}
