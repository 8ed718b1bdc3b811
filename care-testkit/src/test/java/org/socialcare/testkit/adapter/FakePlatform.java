package org.socialcare.testkit.adapter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * A tiny in-process "platform" used to check that the adapter contracts themselves pass on a correct
 * adapter and fail on broken ones. Not an example of a real adapter (those go over HTTP to an emulator).
 */
final class FakePlatform {
    static final Platform PLATFORM = Platform.of("fakechat");
    static final Channel CHANNEL = Channel.of(
            "fake-care",
            PLATFORM,
            "BankCare",
            "1",
            org.socialcare.core.domain.ChannelKind.DEDICATED_CARE,
            org.socialcare.core.domain.TeamId.of("team"));
    static final String SECRET = "s3cret-app-key";

    final List<SeedMessage> messages = new CopyOnWriteArrayList<>();
    final List<ReceivedPost> received = new CopyOnWriteArrayList<>();
    final java.util.Set<Integer> ownSequences = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Sequences whose item the platform sends without an author: a source must dead-letter it. */
    final java.util.Set<Integer> unreadableSequences = java.util.concurrent.ConcurrentHashMap.newKeySet();

    volatile String nextFailure = "";
    volatile Instant resetAt = Instant.EPOCH;

    /** A paging source: ids are sequence + 1, checkpoint is the last id seen, pages of {@code pageSize}. */
    final class Source implements ChannelSource {
        final int pageSize;
        final boolean losesLastOfPage;
        final boolean ownAsCustomer;
        final boolean dropsUnreadable;

        Source(int pageSize, boolean losesLastOfPage) {
            this(pageSize, losesLastOfPage, false);
        }

        Source(int pageSize, boolean losesLastOfPage, boolean ownAsCustomer) {
            this(pageSize, losesLastOfPage, ownAsCustomer, false);
        }

        Source(int pageSize, boolean losesLastOfPage, boolean ownAsCustomer, boolean dropsUnreadable) {
            this.pageSize = pageSize;
            this.losesLastOfPage = losesLastOfPage;
            this.ownAsCustomer = ownAsCustomer;
            this.dropsUnreadable = dropsUnreadable;
        }

        @Override
        public String sourceId() {
            return "fakechat:care";
        }

        @Override
        public ChannelId channel() {
            return CHANNEL.id();
        }

        @Override
        public Batch poll(Optional<Checkpoint> since) {
            long after = since.map(c -> Long.parseLong(c.position())).orElse(0L);
            List<InboundMessage> page = new ArrayList<>();
            List<org.socialcare.core.domain.OwnMessage> own = new ArrayList<>();
            List<org.socialcare.core.domain.RejectedPayload> rejected = new ArrayList<>();
            long last = after;
            boolean more = false;
            for (SeedMessage m : messages) {
                long id = m.sequence() + 1L;
                if (id <= after) {
                    continue;
                }
                if (page.size() + own.size() == pageSize) {
                    more = true;
                    break;
                }
                last = id;
                if (unreadableSequences.contains(m.sequence())) {
                    if (!dropsUnreadable) {
                        rejected.add(new org.socialcare.core.domain.RejectedPayload(
                                sourceId(),
                                "{\"id\":" + id + ",\"text\":\"no author\"}",
                                "item " + id + " has no author"));
                    }
                    continue;
                }
                if (ownSequences.contains(m.sequence()) && !ownAsCustomer) {
                    own.add(new org.socialcare.core.domain.OwnMessage(
                            MessageKey.of(PLATFORM, String.valueOf(id)),
                            CHANNEL.id(),
                            m.text(),
                            org.socialcare.core.domain.Visibility.PUBLIC,
                            Optional.empty(),
                            m.createdAt(),
                            Optional.of("care-desk")));
                    continue;
                }
                page.add(InboundMessage.builder(
                                MessageKey.of(PLATFORM, String.valueOf(id)),
                                CHANNEL.id(),
                                Party.of(m.authorId(), m.authorHandle()))
                        .text(m.text())
                        .createdAt(m.createdAt())
                        .build());
            }
            if (losesLastOfPage && page.size() > 1) {
                page.remove(page.size() - 1);
            }
            Batch batch =
                    Batch.of(page).withOwnMessages(own).withRejected(rejected).withHasMore(more);
            return last == after && since.isEmpty()
                    ? batch
                    : batch.withCheckpoint(new Checkpoint(sourceId(), String.valueOf(last)));
        }
    }

    final class Publisher implements ChannelPublisher {
        final boolean leaksSecret;

        Publisher(boolean leaksSecret) {
            this.leaksSecret = leaksSecret;
        }

        @Override
        public Platform platform() {
            return PLATFORM;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            if (!supports(reply.kind())) {
                throw PlatformException.of(
                        PlatformException.Kind.INVALID_REQUEST, "the fake platform cannot " + reply.kind(), null);
            }
            String failure = nextFailure;
            nextFailure = "";
            if (failure.equals("auth")) {
                throw PlatformException.of(
                        PlatformException.Kind.AUTH_FAILED,
                        "token expired" + (leaksSecret ? " for " + SECRET : ""),
                        "190");
            }
            if (failure.equals("5xx")) {
                throw PlatformException.of(PlatformException.Kind.UNKNOWN, "HTTP 503", null);
            }
            if (failure.equals("dup")) {
                throw PlatformException.of(PlatformException.Kind.DUPLICATE, "status is a duplicate", "187");
            }
            if (failure.equals("rate")) {
                throw PlatformException.rateLimited("slow down", resetAt, "88");
            }
            String id = "p" + (received.size() + 1);
            received.add(
                    reply.kind() == ReplyKind.PRIVATE_MESSAGE
                            ? ReceivedPost.privateMessage(id, reply.recipient().orElseThrow(), reply.text())
                            : ReceivedPost.publicReply(id, reply.target().orElseThrow(), "@cust " + reply.text()));
            return Optional.of(id);
        }
    }

    /**
     * Publishes over HTTP: POST {@code <base>/messages} with the reply's text, with a read timeout or (the fault the
     * contract catches) without one. No answer in time, or a broken connection, is UNKNOWN: the request was sent.
     */
    static final class HttpPublisher implements ChannelPublisher {
        private final URI base;
        private final Optional<Duration> timeout;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        HttpPublisher(URI base, Optional<Duration> timeout) {
            this.base = base;
            this.timeout = timeout;
        }

        @Override
        public Platform platform() {
            return PLATFORM;
        }

        @Override
        public Optional<String> publish(Channel channel, Reply reply) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(reply.text()));
            timeout.ifPresent(request::timeout);
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2) {
                    throw PlatformException.of(PlatformException.Kind.UNKNOWN, "HTTP " + answer.statusCode(), null);
                }
                return Optional.of(answer.body());
            } catch (IOException e) {
                throw PlatformException.of(
                        PlatformException.Kind.UNKNOWN,
                        "no answer: " + e.getClass().getSimpleName(),
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PlatformException.of(PlatformException.Kind.UNKNOWN, "interrupted while waiting", null);
            }
        }
    }

    /** Body format: {"id":"..","user":"..","text":".."}; signature header X-Sig: sha256=hex(hmac(body)). */
    static final class Webhook implements WebhookHandler {
        private static final Pattern BODY =
                Pattern.compile("\\{\"id\":\"([^\"]+)\",\"user\":\"([^\"]+)\",\"text\":\"([^\"]*)\"\\}");
        final boolean checksSignature;
        final boolean deadLetters;

        Webhook(boolean checksSignature) {
            this(checksSignature, true);
        }

        /** With {@code deadLetters} false it drops a line it cannot read (the fault the contract catches). */
        Webhook(boolean checksSignature, boolean deadLetters) {
            this.checksSignature = checksSignature;
            this.deadLetters = deadLetters;
        }

        @Override
        public Platform platform() {
            return PLATFORM;
        }

        @Override
        public WebhookResult handle(WebhookRequest request) {
            if (request.method().equals("GET")) {
                return WebhookResult.challenge(
                        "text/plain", request.queryParam("challenge").orElse(""));
            }
            String expected = sign(request.bodyAsString());
            String given =
                    request.header("X-Sig").orElseThrow(() -> new WebhookRejectedException("missing X-Sig", 401));
            if (checksSignature
                    && !java.security.MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                throw new WebhookRejectedException("bad signature", 401);
            }
            // one event per line; a line that is not an event is dead-lettered, a body with no event is malformed
            List<InboundMessage> messages = new java.util.ArrayList<>();
            List<org.socialcare.core.domain.RejectedPayload> rejected = new java.util.ArrayList<>();
            for (String line : request.bodyAsString().split("\n")) {
                Matcher m = BODY.matcher(line);
                if (!m.matches()) {
                    if (deadLetters) {
                        rejected.add(new org.socialcare.core.domain.RejectedPayload(
                                "fakechat:webhook", line, "not a fakechat event"));
                    }
                    continue;
                }
                messages.add(InboundMessage.builder(
                                MessageKey.of(PLATFORM, m.group(1)), CHANNEL.id(), Party.of(m.group(2), "h"))
                        .text(m.group(3))
                        .createdAt(Instant.parse("2026-03-02T09:00:00Z"))
                        .build());
            }
            if (messages.isEmpty()) {
                throw new MalformedPayloadException("$", "not a fakechat event");
            }
            return WebhookResult.accepted(List.of(Batch.of(messages).withRejected(rejected)));
        }

        static String sign(String body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static WebhookRequest request(String body, Optional<String> signature) {
            Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
            signature.ifPresent(s -> headers.put("X-Sig", s));
            return WebhookRequest.post("/hooks/fake", headers, body);
        }

        static String body(String text) {
            return "{\"id\":\"m1\",\"user\":\"42\",\"text\":\"" + text + "\"}";
        }
    }
}
