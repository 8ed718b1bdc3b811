package org.socialcare.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * Contract of a {@link ChannelPublisher}, checked against the adapter's local HTTP emulator.
 *
 * <p>Checks: a public reply returns the platform id of the new post and the emulator received the text as an
 * answer to the target message; a private message reaches its recipient; an injected authentication failure
 * surfaces as {@link PlatformException.Kind#AUTH_FAILED} and an injected rate limit as
 * {@link PlatformException.Kind#RATE_LIMITED} with a {@code retryAt} no earlier than the platform's reset;
 * a rejected call posts nothing, the next call succeeds again, and no exception message contains a secret; a
 * publish to a platform that takes the request and never answers ({@link SilentServer}) ends within
 * {@link #SILENT_SERVER_BOUND} as {@link PlatformException.Kind#UNKNOWN} (it may have been published), so an adapter
 * without HTTP read timeouts fails the contract instead of hanging a desk's dispatcher.
 *
 * <p>The subclass provides, per test (JUnit makes a new instance per test): the {@link #publisher()} pointed
 * at its emulator on 127.0.0.1; the {@link #channel()} the emulator knows as the bank's account; a public
 * {@link #customerMessageId()} to answer; a {@link #customerUserId()} who may receive private messages now
 * (inside any messaging window); {@link #received()} reading back what the emulator accepted; one-shot
 * fault injection {@link #failNextCallWithAuthError()} and {@link #failNextCallWithRateLimit()};
 * {@link #publisherAgainst(URI)}, the same publisher pointed at another base URI with a short read timeout; and
 * optionally {@link #failNextCallWithServerError()} (must map to UNKNOWN: the platform may have published it), {@link #failNextCallAsDuplicate()}
 * (must map to DUPLICATE) and the {@link #secrets()} that must never appear in messages. A channel without
 * public posts (a web chat, e-mail) overrides {@link #supportsPublicReplies()} to return false.
 * Complete subclasses to copy from: {@code RestFbChannelPublisherContractTest} (care-facebook-adapter),
 * {@code Twitter4jChannelPublisherContractTest} and {@code XChannelPublisherContractTest} (care-twitter-adapter),
 * {@code WebChatPublisherContractTest} (care-examples).
 */
public abstract class ChannelPublisherContract {
    /** The longest a publish to a server that never answers may take, retries included. */
    public static final Duration SILENT_SERVER_BOUND = Duration.ofSeconds(10);

    /** The publisher under test, talking to the emulator. */
    protected abstract ChannelPublisher publisher();

    /** The bank's channel as the emulator knows it (its {@code platformAccountId} is the emulator's account). */
    protected abstract Channel channel();

    /** The platform id of a public customer message in the emulator that the bank may answer. */
    protected abstract String customerMessageId();

    /** The platform user id of a customer the bank may message privately right now. */
    protected abstract String customerUserId();

    /** Everything the emulator accepted so far, oldest first (rejected calls are not in it). */
    protected abstract List<ReceivedPost> received();

    /**
     * The publisher under test, configured as {@link #publisher()} but with {@code baseUri} as the platform's API
     * base (every call goes there) and a read timeout of a few seconds, so that, retries included, a publish to a
     * server that never answers ends well within {@link #SILENT_SERVER_BOUND}. An adapter whose HTTP client cannot
     * be given a read timeout cannot pass.
     */
    protected abstract ChannelPublisher publisherAgainst(URI baseUri);

    /** Makes the next platform call fail the way the platform says a token is expired or revoked. */
    protected abstract void failNextCallWithAuthError();

    /**
     * Makes the next platform call fail with the platform's rate-limit answer and returns the reset instant the
     * answer announces (the earliest moment the adapter may report as {@link PlatformException#retryAt()}).
     * When the platform's answer names no reset time (some Graph API limits), return the current instant:
     * the adapter's own estimate must then simply not lie in the past.
     */
    protected abstract Instant failNextCallWithRateLimit();

    /**
     * Makes the next platform call fail with a server error (HTTP 500/503) and returns true; returns false (the
     * default) to skip {@code serverErrorSurfacesAsTransient}.
     */
    protected boolean failNextCallWithServerError() {
        return false;
    }

    /**
     * Makes the next platform call fail the way the platform says it already has this content (Twitter code
     * 187) and returns true; returns false (the default) when the platform has no such answer, which skips
     * {@code duplicateContentSurfacesAsDuplicate}.
     */
    protected boolean failNextCallAsDuplicate() {
        return false;
    }

    /**
     * True (the default) when the platform has public replies. A private-only channel (a web chat, e-mail)
     * returns false: {@code publicReplyReturnsThePlatformIdAndReachesTheTarget} is then skipped and the failure
     * checks send a private message to {@link #customerUserId()} instead of a public reply to
     * {@link #customerMessageId()}.
     */
    protected boolean supportsPublicReplies() {
        return true;
    }

    /** Tokens and secrets configured for the publisher; none may appear in an exception message. */
    protected List<String> secrets() {
        return List.of();
    }

    @Test
    void publicReplyReturnsThePlatformIdAndReachesTheTarget() {
        Assumptions.assumeTrue(supportsPublicReplies(), "the platform has no public replies");
        String target = customerMessageId();
        String text = "Sorry for the wait, we're on it \u00e9 \uD83D\uDE4F ^AB";

        Optional<String> id = publisher()
                .publish(channel(), reply(ReplyKind.PUBLIC_REPLY, Optional.of(target), Optional.empty(), text));

        assertThat(id).as("platform id of the public reply").isPresent();
        assertThat(id.get()).isNotBlank();
        assertThat(received()).as("posts the emulator received").anySatisfy(post -> {
            assertThat(post.platformId()).isEqualTo(id.get());
            assertThat(post.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(post.inReplyTo()).contains(target);
            assertThat(post.text()).contains(text);
        });
    }

    @Test
    void privateMessageReachesTheRecipient() {
        String recipient = customerUserId();
        String text = "Hi, please send us your phone number and we'll call you back \u00e9";

        Optional<String> id = publisher()
                .publish(channel(), reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of(recipient), text));

        assertThat(id).as("platform id of the private message").isPresent();
        assertThat(received()).as("posts the emulator received").anySatisfy(post -> {
            assertThat(post.platformId()).isEqualTo(id.get());
            assertThat(post.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(post.recipient()).contains(recipient);
            assertThat(post.text()).isEqualTo(text);
        });
    }

    @Test
    void authFailureSurfacesAsAuthFailedAndPostsNothing() {
        Function<String, Reply> probe = probes();
        ChannelPublisher publisher = publisher();
        int before = received().size();
        failNextCallWithAuthError();

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> publisher.publish(channel(), probe.apply("auth check")));

        assertThat(e).as("exception for an expired token").isNotNull();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        assertThat(e.isRetryable()).isFalse();
        assertNoSecretIn(e);
        assertThat(received()).as("posts after a rejected call").hasSize(before);
    }

    @Test
    void rateLimitSurfacesAsRateLimitedWithRetryAtNotBeforeTheReset() {
        Function<String, Reply> probe = probes();
        ChannelPublisher publisher = publisher();
        int before = received().size();
        Instant reset = failNextCallWithRateLimit();

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> publisher.publish(channel(), probe.apply("limit check")));

        assertThat(e).as("exception for a rate limit").isNotNull();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).as("retryAt of a rate limit").isPresent();
        assertThat(e.retryAt().get())
                .as("retryAt vs the announced reset %s", reset)
                .isAfterOrEqualTo(reset.minusSeconds(1));
        assertNoSecretIn(e);
        assertThat(received()).as("posts after a rejected call").hasSize(before);
    }

    @Test
    void serverErrorOfAPublishSurfacesAsUnknown() {
        Function<String, Reply> probe = probes();
        ChannelPublisher publisher = publisher();
        Assumptions.assumeTrue(failNextCallWithServerError(), "no server error injection");

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> publisher.publish(channel(), probe.apply("5xx check")));

        assertThat(e).as("exception for a server error").isNotNull();
        assertThat(e.kind())
                .as("a 5xx answer to a publish: the platform may have done it")
                .isEqualTo(PlatformException.Kind.UNKNOWN);
        assertNoSecretIn(e);
    }

    @Test
    void aPublishToAServerThatNeverAnswersEndsInTimeAsUnknown() throws Exception {
        Function<String, Reply> probe = probes();
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "silent-server-publish");
            t.setDaemon(true); // a publisher without a read timeout would keep it forever
            return t;
        });
        try (SilentServer silent = SilentServer.start()) {
            ChannelPublisher publisher = publisherAgainst(silent.uri());
            Future<Optional<String>> publish =
                    caller.submit(() -> publisher.publish(channel(), probe.apply("silence")));

            Throwable outcome;
            try {
                outcome = catchThrowable(() -> publish.get(SILENT_SERVER_BOUND.toMillis(), TimeUnit.MILLISECONDS));
            } finally {
                publish.cancel(true);
            }

            assertThat(outcome)
                    .as("a publish to a server that never answers must end within " + SILENT_SERVER_BOUND
                            + " (an HTTP read timeout)")
                    .isNotInstanceOf(TimeoutException.class)
                    .isInstanceOf(ExecutionException.class);
            assertThat(outcome.getCause()).isInstanceOf(PlatformException.class);
            PlatformException e = (PlatformException) outcome.getCause();
            assertThat(silent.requests())
                    .as("requests that reached the silent server")
                    .isPositive();
            assertThat(e.kind())
                    .as("no answer to a sent publish: the platform may have done it")
                    .isEqualTo(PlatformException.Kind.UNKNOWN);
            assertNoSecretIn(e);
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void duplicateContentSurfacesAsDuplicate() {
        Function<String, Reply> probe = probes();
        ChannelPublisher publisher = publisher();
        Assumptions.assumeTrue(failNextCallAsDuplicate(), "the platform has no duplicate answer");

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> publisher.publish(channel(), probe.apply("dup check")));

        assertThat(e).as("exception for duplicate content").isNotNull();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.DUPLICATE);
        assertNoSecretIn(e);
    }

    @Test
    void nextCallSucceedsAfterAnInjectedFailure() {
        Function<String, Reply> probe = probes();
        ChannelPublisher publisher = publisher();
        failNextCallWithRateLimit();
        catchThrowableOfType(PlatformException.class, () -> publisher.publish(channel(), probe.apply("first try")));

        Optional<String> id = publisher.publish(channel(), probe.apply("second try"));

        assertThat(id).isPresent();
        assertThat(received()).anySatisfy(post -> assertThat(post.text()).contains("second try"));
        assertThat(received()).noneSatisfy(post -> assertThat(post.text()).contains("first try"));
    }

    /**
     * What the publisher says it cannot do ({@link ChannelPublisher#supports} false, and a public reply on a
     * private-only channel) it refuses as INVALID_REQUEST before any call: nothing reaches the platform. A
     * private-only channel's publisher must also say it cannot reply in public, so the desk refuses the agent at once.
     */
    @Test
    void whatThePublisherCannotDoIsRefusedAsInvalidAndPostsNothing() {
        ChannelPublisher publisher = publisher();
        java.util.Set<ReplyKind> refused = java.util.EnumSet.noneOf(ReplyKind.class);
        for (ReplyKind kind : ReplyKind.values()) {
            if (!publisher.supports(kind)) {
                refused.add(kind);
            }
        }
        if (!supportsPublicReplies()) {
            assertThat(publisher.supports(ReplyKind.PUBLIC_REPLY))
                    .as("supports(PUBLIC_REPLY) of a publisher on a private-only channel")
                    .isFalse();
            refused.add(ReplyKind.PUBLIC_REPLY);
        }
        for (ReplyKind kind : refused) {
            int before = received().size();
            PlatformException e = catchThrowableOfType(
                    PlatformException.class,
                    () -> publisher.publish(
                            channel(),
                            reply(kind, Optional.of("m-contract"), Optional.of("u-contract"), "refused " + kind)));

            assertThat(e)
                    .as("the exception publishing a " + kind + " it cannot do")
                    .isNotNull();
            assertThat(e.kind())
                    .as("kind of the refusal of a " + kind)
                    .isEqualTo(PlatformException.Kind.INVALID_REQUEST);
            assertThat(received()).as("posts after a refused " + kind).hasSize(before);
        }
    }

    @Test
    void publisherNamesItsPlatform() {
        assertThat(publisher().platform()).isEqualTo(channel().platform());
    }

    /**
     * Replies for the failure checks, one per text: public replies to one {@link #customerMessageId()}, or
     * private messages to one {@link #customerUserId()} when {@link #supportsPublicReplies()} is false. Asks the
     * emulator for the target before any fault is injected.
     */
    private Function<String, Reply> probes() {
        if (supportsPublicReplies()) {
            String target = customerMessageId();
            return text -> reply(ReplyKind.PUBLIC_REPLY, Optional.of(target), Optional.empty(), text);
        }
        String recipient = customerUserId();
        return text -> reply(ReplyKind.PRIVATE_MESSAGE, Optional.empty(), Optional.of(recipient), text);
    }

    /** A QUEUED outbox entry of {@code kind} on {@link #channel()}, as the desk would hand it over. */
    protected Reply reply(ReplyKind kind, Optional<String> target, Optional<String> recipient, String text) {
        return Reply.queued(
                ReplyId.of("r-" + System.nanoTime()),
                ConversationId.of("c-contract"),
                channel().id(),
                kind,
                target,
                recipient,
                text,
                Optional.of(AgentId.of("agent-ab")),
                Instant.now());
    }

    private void assertNoSecretIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : secrets()) {
                assertThat(message)
                        .as("exception message (must not contain a secret)")
                        .doesNotContain(secret);
            }
        }
    }
}
