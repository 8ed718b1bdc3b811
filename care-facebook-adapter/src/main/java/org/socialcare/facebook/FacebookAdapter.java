package org.socialcare.facebook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.ChannelId;

/**
 * Wires the Facebook adapter for one or more pages: one polling source per page, one webhook handler and one
 * publisher for all of them, sharing one {@link MessengerWindow} (so what the source and the webhook read tells
 * the publisher whether Messenger's window is open). Immutable and thread-safe.
 *
 * <pre>{@code
 * FacebookAdapter fb = FacebookAdapter.create(clock, config);
 * CareDesk desk = CareDesk.builder().channel(channel).publisher(fb.publisher())...build();
 * desk.poll(fb.source(config.channel()));
 * desk.webhook(fb.webhookHandler(), request);
 * }</pre>
 */
public final class FacebookAdapter {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private final List<FacebookAdapterConfig> pages;
    private final MessengerWindow window;
    private final Map<ChannelId, RestFbChannelSource> sources;
    private final FacebookWebhookHandler webhookHandler;
    private final RestFbChannelPublisher publisher;
    private final Clock clock;

    private FacebookAdapter(Clock clock, List<FacebookAdapterConfig> pages) {
        this.clock = clock;
        this.pages = List.copyOf(pages);
        this.window = new MessengerWindow(pages.get(0).messagingWindow(), clock);
        Map<ChannelId, RestFbChannelSource> s = new LinkedHashMap<>();
        for (FacebookAdapterConfig c : pages) {
            if (s.put(c.channel(), new RestFbChannelSource(c, window, clock)) != null) {
                throw new IllegalArgumentException("channel " + c.channel() + " is configured for two pages");
            }
        }
        this.sources = Map.copyOf(s);
        this.webhookHandler = new FacebookWebhookHandler(pages, window, clock);
        this.publisher = new RestFbChannelPublisher(pages, window, clock);
    }

    /**
     * @throws IllegalArgumentException if no page is given, or a page or channel is configured twice
     */
    public static FacebookAdapter create(Clock clock, FacebookAdapterConfig... pages) {
        Objects.requireNonNull(clock, "clock must not be null");
        if (pages == null || pages.length == 0) {
            throw new IllegalArgumentException("pages must name at least one Facebook page");
        }
        return new FacebookAdapter(clock, List.of(pages));
    }

    public RestFbChannelSource source(ChannelId channel) {
        RestFbChannelSource s = sources.get(channel);
        if (s == null) {
            throw new IllegalArgumentException(
                    "no Facebook page is configured for channel " + channel + "; configured: " + sources.keySet());
        }
        return s;
    }

    public List<RestFbChannelSource> sources() {
        return pages.stream().map(p -> sources.get(p.channel())).toList();
    }

    public FacebookWebhookHandler webhookHandler() {
        return webhookHandler;
    }

    public RestFbChannelPublisher publisher() {
        return publisher;
    }

    public MessengerWindow messengerWindow() {
        return window;
    }

    /** A payload reader that knows the first page's id and channel. */
    public FacebookPayloadReader payloadReader() {
        return new FacebookPayloadReader(
                pages.get(0).channel(), Optional.of(pages.get(0).pageId()), clock);
    }
}
