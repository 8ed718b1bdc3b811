package org.socialcare.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OneShotBodyTest {
    @Test
    void theFirstSubscriptionGetsTheBytesAndASecondFailsWithoutAny() {
        OneShotBody body = OneShotBody.of("status=hello".getBytes(StandardCharsets.UTF_8));
        assertThat(body.contentLength()).isEqualTo(12);

        Collected first = collect(body);
        assertThat(first.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("status=hello");
        assertThat(first.error.get()).isNull();
        assertThat(first.completed).isTrue();

        Collected second = collect(body);
        assertThat(second.bytes.size()).isZero();
        assertThat(second.completed).isFalse();
        assertThat(second.error.get()).isInstanceOf(java.io.IOException.class).hasMessageContaining("sent once");
        assertThat(body.used()).isTrue();
    }

    private static final class Collected {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        boolean completed;
    }

    private static Collected collect(OneShotBody body) {
        Collected c = new Collected();
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                c.bytes.writeBytes(b);
            }

            @Override
            public void onError(Throwable t) {
                c.error.set(t);
            }

            @Override
            public void onComplete() {
                c.completed = true;
            }
        });
        return c;
    }
}
