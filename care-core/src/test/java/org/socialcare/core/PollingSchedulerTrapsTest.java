package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.port.out.ChannelSource;

/** Issue 18's traps of the (deprecated) scheduler: a daemon thread, and a close() that waited without a bound. */
@SuppressWarnings("deprecation")
class PollingSchedulerTrapsTest {
    private final DeskFixture f = new DeskFixture(b -> b.clock(Clock.systemUTC()));

    @Test
    void pollsOnANonDaemonThreadAndClosesWithinItsBoundWhenAPollHangs() throws Exception {
        CountDownLatch inPoll = new CountDownLatch(1);
        AtomicBoolean daemon = new AtomicBoolean(true);
        AtomicBoolean interrupted = new AtomicBoolean();
        ChannelSource hanging = new ChannelSource() {
            @Override
            public String sourceId() {
                return "hanging";
            }

            @Override
            public ChannelId channel() {
                return DeskFixture.TWITTER_CARE;
            }

            @Override
            public Batch poll(Optional<Checkpoint> since) {
                daemon.set(Thread.currentThread().isDaemon());
                inPoll.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                }
                return Batch.empty();
            }
        };
        PollingScheduler scheduler = PollingScheduler.builder(f.desk)
                .source(hanging, Duration.ofMillis(10))
                .build();
        scheduler.start();
        assertThat(inPoll.await(5, TimeUnit.SECONDS)).isTrue();

        long begin = System.nanoTime();
        boolean ended = scheduler.close(Duration.ofMillis(200));

        assertThat(daemon.get()).as("the polling thread is a daemon").isFalse();
        assertThat(ended).as("ended within the bound").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!interrupted.get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(interrupted.get()).as("the hanging poll was interrupted").isTrue();
    }
}
