package org.socialcare.adapter.support;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body for the JDK's {@code java.net.http} client that can be sent once only: a second subscription
 * (the client repeating the request by itself) fails with an {@link IOException} before any byte of the body is
 * sent. The JDK client does not repeat a POST by default, but a JVM started with
 * {@code jdk.httpclient.enableAllMethodRetry=true} makes it repeat any request whose pooled connection closed
 * before an answer; with this body such a repeat carries no body, so the platform cannot act on it, and a write
 * the platform may have stored is never posted twice by the HTTP layer. Build a new one for every request.
 *
 * <p>Thread-safe.
 */
public final class OneShotBody implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher body;
    private final AtomicBoolean sent = new AtomicBoolean();

    private OneShotBody(byte[] bytes) {
        this.body = HttpRequest.BodyPublishers.ofByteArray(bytes.clone());
    }

    /** A body of these bytes (copied) that is sent at most once. */
    public static OneShotBody of(byte[] bytes) {
        return new OneShotBody(bytes);
    }

    /** Whether the body has been handed to the client (a subscription happened). */
    public boolean used() {
        return sent.get();
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (sent.compareAndSet(false, true)) {
            body.subscribe(subscriber);
            return;
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        subscriber.onError(new IOException("a write is sent once: the request body was already sent, not repeated"));
    }
}
