package org.socialcare.examples.webchat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * Sends the desk's private messages into a bank web chat with {@code POST /api/messages}
 * ({@code {"sessionId": <the reply's recipient>, "text": ...}}) and returns the new message's sequence number,
 * the same id the {@link WebChatChannelSource} later reads back as the echo. A web chat has nothing public:
 * every other {@link ReplyKind} fails with INVALID_REQUEST before any call. Errors: 401 AUTH_FAILED, 403
 * PERMISSION, 429 RATE_LIMITED with {@code retryAt} from {@code Retry-After}, 5xx UNKNOWN, no answer in time or a
 * reset after the request left UNKNOWN (it may have been posted), a connection never made TRANSIENT, other 4xx
 * (400 bad body, 404 unknown session) INVALID_REQUEST; messages never hold the secret. Thread-safe.
 */
public final class WebChatPublisher implements ChannelPublisher {
    private final WebChatSettings settings;
    private final WebChatClient client;

    public WebChatPublisher(WebChatSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = new WebChatClient(settings);
    }

    @Override
    public Platform platform() {
        return WebChatSettings.PLATFORM;
    }

    /** Private messages only: a web chat has nothing public, no comments to hide or answer. */
    @Override
    public boolean supports(ReplyKind kind) {
        return kind == ReplyKind.PRIVATE_MESSAGE;
    }

    @Override
    public Optional<String> publish(Channel channel, Reply reply) {
        if (reply.kind() != ReplyKind.PRIVATE_MESSAGE) {
            throw PlatformException.of(
                    PlatformException.Kind.INVALID_REQUEST, reply.kind() + " is not supported by web chat", null);
        }
        String session = reply.recipient()
                .orElseThrow(() -> PlatformException.of(
                        PlatformException.Kind.INVALID_REQUEST,
                        "reply " + reply.id() + " names no recipient session",
                        null));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sessionId", session);
        message.put("text", reply.text());
        String answer = client.post("/api/messages", ChatJson.write(message));
        try {
            if (ChatJson.parse(answer) instanceof Map<?, ?> created && created.get("seq") instanceof Long seq) {
                return Optional.of(String.valueOf(seq));
            }
        } catch (IllegalArgumentException unreadable) {
            // fall through: the message was accepted but its id is unknown
        }
        // Accepted (2xx) but no id: report sent without an id rather than retrying into a double post.
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "WebChatPublisher[" + settings + "]";
    }
}
