package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.emulators.x.XApiEmulator;

/** The v2 since_id/until_id walk across a gap of several pages: every mention once, the checkpoint caught up. */
class XMentionsGapWalkTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final XApiEmulator.User jane = emulator.user("1900000000000000501", "jane_doe", "Jane Doe", 480, false);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aGapOfTwoAndAHalfPagesIsWalkedBackWithUntilIdAndEveryMentionComesOnce() {
        XChannelSource source = XChannelSource.mentions(XTestSupport.config(emulator, XTestSupport.oauth2(emulator))
                .mentionsPageSize(100)
                .build());
        emulator.mention(jane, "before the gap");
        Optional<Checkpoint> cp = source.poll(Optional.empty()).nextCheckpoint();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            written.add(emulator.mention(jane, "in the gap " + i));
        }

        List<String> read = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        Batch b;
        do {
            b = source.poll(cp);
            batches.add(b);
            b.messages().forEach(m -> read.add(m.key().messageId()));
            cp = b.nextCheckpoint().or(() -> Optional.empty());
        } while (b.hasMore() && batches.size() < 10);

        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
        assertThat(batches).hasSizeGreaterThanOrEqualTo(3);
        assertThat(emulator.requests())
                .filteredOn(r -> r.path().endsWith("/mentions"))
                .anySatisfy(r -> assertThat(r.query()).contains("until_id="));
        String after = emulator.mention(jane, "after the gap");
        assertThat(source.poll(cp).messages())
                .extracting(m -> m.key().messageId())
                .containsExactly(after);
    }
}
