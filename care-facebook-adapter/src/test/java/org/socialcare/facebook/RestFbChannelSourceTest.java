package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Checkpoint;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.HealthState;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.error.PlatformException;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.Fault;
import org.socialcare.testkit.MutableClock;

class RestFbChannelSourceTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final MessengerWindow window = new MessengerWindow(Duration.ofHours(24), clock);
    private final RestFbChannelSource source;

    RestFbChannelSourceTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        source = new RestFbChannelSource(config(graph.baseUrl()).pageSize(2).build(), window, clock);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void pagesThroughTheFeedWithNestedCommentRepliesAndThePagesOwnAnswers() {
        Instant t = NOW.minus(Duration.ofHours(3));
        String p1 = graph.addPost(PAGE_ID, PAGE_NAME, "Branch opening hours change on Monday", t);
        String p2 = graph.addPost("801", "Visitor One", "Why was my transfer rejected?", t.plusSeconds(60));
        String p3 = graph.addPost(PAGE_ID, PAGE_NAME, "Maintenance tonight", t.plusSeconds(120));
        String c1 = graph.addComment(p1, Optional.empty(), "802", "Carla", "And Saturdays?", t.plusSeconds(300));
        String r1 = graph.addComment(p1, Optional.of(c1), "803", "Dan", "Good question", t.plusSeconds(360));
        String r2 = graph.addComment(
                p1, Optional.of(c1), PAGE_ID, PAGE_NAME, "Saturdays stay the same ^AB", t.plusSeconds(420));
        String c2 = graph.addComment(p3, Optional.empty(), "804", "Eli", "Again?!", t.plusSeconds(480));

        List<Batch> batches = drain(Optional.empty());

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.subList(0, batches.size() - 1))
                .allSatisfy(b -> assertThat(b.hasMore()).isTrue());
        assertThat(batches.get(batches.size() - 1).hasMore()).isFalse();
        Map<String, InboundMessage> customer = batches.stream()
                .flatMap(b -> b.messages().stream())
                .collect(Collectors.toMap(m -> m.key().messageId(), Function.identity()));
        assertThat(customer).containsOnlyKeys(p2, c1, r1, c2);
        assertThat(customer.get(p2).inReplyTo()).isEmpty();
        assertThat(customer.get(p2).author().displayName()).contains("Visitor One");
        assertThat(customer.get(c1).inReplyTo()).contains(p1);
        assertThat(customer.get(r1).inReplyTo())
                .as("a reply to a comment names the comment")
                .contains(c1);
        assertThat(customer.get(c2).inReplyTo()).contains(p3);
        assertThat(customer.values()).allSatisfy(m -> {
            assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(m.channel()).isEqualTo(CHANNEL_ID);
        });
        assertThat(customer.get(r1).createdAt()).isEqualTo(t.plusSeconds(360));
        List<OwnMessage> own =
                batches.stream().flatMap(b -> b.ownMessages().stream()).toList();
        assertThat(own).extracting(o -> o.key().messageId()).contains(p1, p3, r2);
        assertThat(own)
                .filteredOn(o -> o.key().messageId().equals(r2))
                .singleElement()
                .satisfies(o -> assertThat(o.inReplyTo()).contains(c1));
        assertThat(graph.requests())
                .filteredOn(r -> r.path().endsWith("/feed"))
                .extracting(r -> r.params().containsKey("after"))
                .contains(false, true);
        assertThat(graph.requests())
                .filteredOn(r -> r.path().endsWith("/comments"))
                .allSatisfy(r -> assertThat(r.params()).containsEntry("filter", "stream"));
    }

    @Test
    void pollingFromTheCheckpointReturnsOnlyWhatIsNew() {
        Instant t = NOW.minus(Duration.ofHours(3));
        String p1 = graph.addPost(PAGE_ID, PAGE_NAME, "Rates update", t);
        graph.addComment(p1, Optional.empty(), "802", "Carla", "Finally", t.plusSeconds(60));
        List<Batch> first = drain(Optional.empty());
        Optional<Checkpoint> checkpoint = first.get(first.size() - 1).nextCheckpoint();
        clock.advance(Duration.ofMinutes(5));
        String later = graph.addComment(p1, Optional.empty(), "805", "Fay", "What about savings?", NOW.plusSeconds(60));

        List<Batch> second = drain(checkpoint);

        List<String> ids = second.stream()
                .flatMap(b -> b.messages().stream())
                .map(m -> m.key().messageId())
                .distinct()
                .toList();
        assertThat(ids).containsExactly(later);
        assertThat(checkpoint)
                .hasValueSatisfying(c -> assertThat(c.sourceId()).isEqualTo("facebook:" + PAGE_ID + ":page"));
    }

    @Test
    void readsMessengerConversationsAsPrivateMessagesAndOpensTheWindow() {
        graph.addCustomerMessage("9001", "Ann", "Is my loan approved?", NOW.minus(Duration.ofMinutes(30)));
        graph.addCustomerMessage("9001", "Ann", "Hello??", NOW.minus(Duration.ofMinutes(20)));

        List<InboundMessage> messages = drain(Optional.empty()).stream()
                .flatMap(b -> b.messages().stream())
                .toList();

        assertThat(messages)
                .extracting(InboundMessage::text)
                .containsExactlyInAnyOrder("Is my loan approved?", "Hello??");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(m.author().platformUserId()).isEqualTo("9001");
        });
        assertThat(window.lastCustomerMessage(PAGE_ID, "9001")).contains(NOW.minus(Duration.ofMinutes(20)));
    }

    @Test
    void expiredTokenMakesTheChannelAuthFailedAndNotifies() {
        List<EscalationNotice> notices = new CopyOnWriteArrayList<>();
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .team(Team.of(TEAM.value(), "Care"))
                .channel(channel())
                .receiveOnly(TestPages.CHANNEL_ID)
                .notifier(notices::add)
                .build();
        graph.expireToken();

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> desk.poll(source));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(desk.health(CHANNEL_ID).state()).isEqualTo(HealthState.AUTH_FAILED);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.kind())
                .isEqualTo(EscalationNotice.Kind.CHANNEL_UNHEALTHY));
    }

    @Test
    void rateLimitedPollCarriesTheRetryTimeFromTheUsageHeader() {
        graph.failNext("/feed", Fault.rateLimited(613, Duration.ofMinutes(12)));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> source.poll(Optional.empty()));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).contains(NOW.plus(Duration.ofMinutes(12)));
    }

    @Test
    void anUnreadableCheckpointStartsAgainFromTheInitialLookback() {
        graph.addPost("801", "Visitor", "Hello bank", NOW.minus(Duration.ofHours(2)));

        Batch batch = source.poll(Optional.of(new Checkpoint(source.sourceId(), "garbage")));

        assertThat(batch.messages()).extracting(InboundMessage::text).containsExactly("Hello bank");
    }

    private List<Batch> drain(Optional<Checkpoint> since) {
        List<Batch> batches = new ArrayList<>();
        Optional<Checkpoint> cp = since;
        for (int i = 0; i < 50; i++) {
            Batch b = source.poll(cp);
            batches.add(b);
            cp = b.nextCheckpoint().or(() -> Optional.empty());
            if (!b.hasMore()) {
                return batches;
            }
        }
        throw new AssertionError("still hasMore after 50 polls");
    }
}
