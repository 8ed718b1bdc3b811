package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Checkpoints that carry part-read posts and conversations survive their text form, whatever the ids hold. */
class PartReadPositionProperties {
    @Property(tries = 200)
    void positionsWithPartReadPostsAndConversationsSurviveTheirTextForm(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long t,
            @ForAll @Size(max = 4)
                    Map<@StringLength(min = 1, max = 30) String, @StringLength(min = 1, max = 40) String> items,
            @ForAll @Size(max = 3) Set<@StringLength(min = 1, max = 30) String> ids,
            @ForAll Optional<@StringLength(min = 1, max = 40) String> listCursor) {
        RestFbChannelSource.Mark mark = new RestFbChannelSource.Mark(Instant.ofEpochSecond(t), ids);
        Map<String, RestFbChannelSource.Mark> posts = new java.util.LinkedHashMap<>();
        Map<String, RestFbChannelSource.Resume> conversations = new java.util.LinkedHashMap<>();
        items.forEach((id, cursor) -> {
            posts.put(id, mark);
            conversations.put(id, new RestFbChannelSource.Resume(cursor, mark));
        });
        RestFbChannelSource.Position p = new RestFbChannelSource.Position(
                mark,
                Optional.empty(),
                Optional.empty(),
                mark,
                listCursor,
                listCursor.map(c -> mark),
                posts,
                conversations);

        assertThat(RestFbChannelSource.Position.parse(p.format())).contains(p);
        assertThat(p.behind()).isEqualTo(listCursor.isPresent() || !items.isEmpty());
    }
}
