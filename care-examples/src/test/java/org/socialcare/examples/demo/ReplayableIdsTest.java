package org.socialcare.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialcare.examples.SimulatedClock;

class ReplayableIdsTest {
    private static final Instant OPENING = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void idsAreVersion7UuidsStampedWithTheClocksTime() {
        SimulatedClock clock = new SimulatedClock(OPENING);
        UUID id = UUID.fromString(new ReplayableIds(clock).newId());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(OPENING.toEpochMilli());
    }

    @Test
    void idsSortInTheOrderTheyWereMadeWhetherTheClockMovesOrNot() {
        SimulatedClock clock = new SimulatedClock(OPENING);
        ReplayableIds ids = new ReplayableIds(clock);
        Random steps = new Random(1);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            made.add(ids.newId());
            if (steps.nextInt(4) == 0) {
                clock.advance(Duration.ofMillis(steps.nextInt(90_000)));
            }
        }
        assertThat(made).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void twoGeneratorsOnTheSameTimesMakeTheSameIds() {
        SimulatedClock a = new SimulatedClock(OPENING);
        SimulatedClock b = new SimulatedClock(OPENING);
        ReplayableIds first = new ReplayableIds(a);
        ReplayableIds second = new ReplayableIds(b);
        for (int i = 0; i < 100; i++) {
            assertThat(second.newId()).isEqualTo(first.newId());
            a.advance(Duration.ofSeconds(i));
            b.advance(Duration.ofSeconds(i));
        }
    }

    @Test
    void aMissingClockIsRefusedByName() {
        assertThatThrownBy(() -> new ReplayableIds(null)).hasMessageContaining("clock");
    }
}
