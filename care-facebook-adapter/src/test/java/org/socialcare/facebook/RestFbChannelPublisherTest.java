package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socialcare.facebook.TestPages.*;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.PlatformException;
import org.socialcare.core.error.PlatformException.Kind;
import org.socialcare.core.port.out.PublishedLookup;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.Fault;
import org.socialcare.testkit.MutableClock;

class RestFbChannelPublisherTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final GraphApiEmulator graph;
    private final MessengerWindow window = new MessengerWindow(Duration.ofHours(24), clock);
    private final RestFbChannelPublisher publisher;
    private final String post;
    private final String comment;

    RestFbChannelPublisherTest() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        publisher = new RestFbChannelPublisher(List.of(config(graph.baseUrl()).build()), window, clock);
        post = graph.addPost(PAGE_ID, PAGE_NAME, "New card designs are here", NOW.minusSeconds(7200));
        comment = graph.addComment(
                post,
                Optional.empty(),
                "700",
                "Ann",
                "Your app has been down all morning, useless!",
                NOW.minusSeconds(600));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void repliesToACommentInPublicWithAppSecretProofAndTheTokenOnlyInTheHeader() {
        Optional<String> id = publisher.publish(
                channel(), reply(ReplyKind.PUBLIC_REPLY, comment, null, "Sorry Ann, we're on it ^AB"));

        assertThat(id).isPresent();
        assertThat(graph.comment(id.get())).hasValueSatisfying(c -> {
            assertThat(c.fromId()).isEqualTo(PAGE_ID);
            assertThat(c.parentId()).contains(comment);
            assertThat(c.message()).isEqualTo("Sorry Ann, we're on it ^AB");
        });
        assertThat(graph.requests()).allSatisfy(r -> {
            assertThat(r.appSecretProofValid())
                    .as("appsecret_proof on %s", r.path())
                    .isTrue();
            assertThat(r.tokenInHeader()).isTrue();
            assertThat(r.params()).doesNotContainKey("access_token");
            assertThat(r.path()).doesNotContain(TOKEN);
        });
    }

    @Test
    void privateReplyToACommentIsSentOnceAndASecondOneIsRejected() {
        Optional<String> first = publisher.publish(
                channel(), reply(ReplyKind.PRIVATE_REPLY_TO_COMMENT, comment, "700", "Hi Ann, this is Acme Bank"));
        int callsAfterFirst = graph.requests().size();

        PlatformException second = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        channel(), reply(ReplyKind.PRIVATE_REPLY_TO_COMMENT, comment, "700", "Hi again")));

        assertThat(first).isPresent();
        assertThat(graph.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.commentId()).contains(comment);
            assertThat(m.text()).isEqualTo("Hi Ann, this is Acme Bank");
        });
        assertThat(second.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(second.platformCode()).contains("10900");
        assertThat(second.getMessage()).contains("already has a private reply");
        assertThat(graph.requests()).as("no call for the second private reply").hasSize(callsAfterFirst);
    }

    @Test
    void facebooksAlreadyRepliedAnswerIsADuplicateOnlyForARetryOfTheSameEntry() {
        Reply entry = reply(ReplyKind.PRIVATE_REPLY_TO_COMMENT, comment, "700", "Hi Ann");
        // Another desk node (or a crashed earlier run) already replied privately: Facebook says 10900.
        RestFbChannelPublisher other =
                new RestFbChannelPublisher(List.of(config(graph.baseUrl()).build()), window, clock);
        other.publish(channel(), reply(ReplyKind.PRIVATE_REPLY_TO_COMMENT, comment, "700", "Hi from node 2"));
        graph.failNext(Fault.transientServerError());
        catchThrowableOfType(PlatformException.class, () -> publisher.publish(channel(), entry));

        PlatformException retry =
                catchThrowableOfType(PlatformException.class, () -> publisher.publish(channel(), entry));
        PlatformException fresh = catchThrowableOfType(PlatformException.class, () -> new RestFbChannelPublisher(
                        List.of(config(graph.baseUrl()).build()), window, clock)
                .publish(channel(), entry));

        assertThat(retry.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(fresh.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(fresh.platformCode()).contains("10900");
    }

    @Test
    void aRetriedPrivateReplyIsADuplicateAfterARestartBecauseTheEntryRemembersItsAttempt() {
        Reply entry = reply(ReplyKind.PRIVATE_REPLY_TO_COMMENT, comment, "700", "Hi Ann");
        publisher.publish(channel(), entry); // delivered, but this node died before recording it
        Reply retried = entry.withStatus(new org.socialcare.core.domain.DeliveryStatus.Queued(
                1, NOW, Optional.of("outcome unknown: publish attempt 1 started")));

        PlatformException afterRestart = catchThrowableOfType(PlatformException.class, () -> new RestFbChannelPublisher(
                        List.of(config(graph.baseUrl()).build()), window, clock)
                .publish(channel(), retried));

        assertThat(afterRestart.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(graph.sentMessages()).hasSize(1);
    }

    @Test
    void messengerMessageInsideTheWindowIsSent() {
        graph.addCustomerMessage("9001", "Ann", "Hello?", NOW.minus(Duration.ofHours(2)));
        window.customerWrote(PAGE_ID, "9001", NOW.minus(Duration.ofHours(2)));

        Optional<String> id = publisher.publish(
                channel(), reply(ReplyKind.PRIVATE_MESSAGE, null, "9001", "Hi Ann, we can call you at 3pm"));

        assertThat(id).isPresent();
        assertThat(graph.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.recipientId()).contains("9001");
            assertThat(m.messagingType()).contains("RESPONSE");
            assertThat(m.messageId()).isEqualTo(id.get());
        });
    }

    @Test
    void messengerMessageAfterTheWindowIsATypedErrorWithoutCallingFacebook() {
        graph.addCustomerMessage("9001", "Ann", "Hello?", NOW.minus(Duration.ofHours(25)));
        window.customerWrote(PAGE_ID, "9001", NOW.minus(Duration.ofHours(25)));
        int before = graph.requests().size();

        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        channel(), reply(ReplyKind.PRIVATE_MESSAGE, null, "9001", "Sorry for the delay")));

        assertThat(e.kind()).isEqualTo(Kind.OUTSIDE_WINDOW);
        assertThat(e.getMessage()).contains("9001").contains("PT24H");
        assertThat(graph.requests()).hasSize(before);
        assertThat(graph.sentMessages()).isEmpty();
    }

    @Test
    void messengerMessageAfterTheWindowUnknownToThisNodeMapsFacebooksAnswerToOutsideWindow() {
        graph.addCustomerMessage("9002", "Bob", "Hello?", NOW.minus(Duration.ofHours(30)));

        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        channel(), reply(ReplyKind.PRIVATE_MESSAGE, null, "9002", "Sorry for the delay")));

        assertThat(e.kind()).isEqualTo(Kind.OUTSIDE_WINDOW);
        assertThat(e.platformCode()).contains("10/2018278");
        assertThat(graph.sentMessages()).isEmpty();
    }

    @Test
    void hidesAndUnhidesAComment() {
        assertThat(publisher.publish(channel(), reply(ReplyKind.HIDE_COMMENT, comment, null, "")))
                .isEmpty();
        assertThat(graph.comment(comment).orElseThrow().hidden()).isTrue();

        publisher.publish(channel(), reply(ReplyKind.UNHIDE_COMMENT, comment, null, ""));

        assertThat(graph.comment(comment).orElseThrow().hidden()).isFalse();
        assertThat(graph.requests())
                .filteredOn(r -> r.path().equals("/" + comment))
                .extracting(r -> r.params().get("is_hidden"))
                .containsExactly("true", "false");
    }

    @Test
    void deletesTheBanksOwnPost() {
        assertThat(publisher.publish(channel(), reply(ReplyKind.DELETE_OWN_POST, post, null, "")))
                .isEmpty();

        assertThat(graph.postExists(post)).isFalse();
    }

    @Test
    void mapsGraphErrorsToCoreKinds() {
        graph.failNext(Fault.rateLimited(32, Duration.ofMinutes(7)));
        PlatformException rate = publishExpectingError();
        graph.failNext(Fault.tokenExpired());
        PlatformException auth = publishExpectingError();
        graph.failNext(Fault.permission());
        PlatformException permission = publishExpectingError();
        graph.failNext(Fault.invalidParameter());
        PlatformException invalid = publishExpectingError();
        graph.failNext(Fault.transientServerError());
        PlatformException transientError = publishExpectingError();

        assertThat(rate.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(rate.retryAt()).contains(NOW.plus(Duration.ofMinutes(7)));
        assertThat(rate.platformCode()).contains("32");
        assertThat(auth.kind()).isEqualTo(Kind.AUTH_FAILED);
        assertThat(auth.platformCode()).contains("190/463");
        assertThat(permission.kind()).isEqualTo(Kind.PERMISSION);
        assertThat(invalid.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(transientError.kind())
                .as("HTTP 500 to a comment: Facebook may have posted it")
                .isEqualTo(Kind.UNKNOWN);
        for (PlatformException e : List.of(rate, auth, permission, invalid, transientError)) {
            for (String secret : secrets()) {
                assertThat(e.getMessage()).doesNotContain(secret);
            }
            assertThat(e.getCause()).isNull();
        }
        assertThat(graph.pageComments()).isEmpty();
    }

    @Test
    void rateLimitWithoutAnEstimateWaitsTheConfiguredTime() {
        graph.failNext(new Fault(
                400,
                4,
                Optional.empty(),
                "OAuthException",
                "(#4) Application request limit reached",
                false,
                java.util.Map.of()));

        PlatformException e = publishExpectingError();

        assertThat(e.retryAt()).contains(NOW.plus(FacebookAdapterConfig.DEFAULT_RATE_LIMIT_WAIT));
    }

    @Test
    void aChannelOfAnUnconfiguredPageIsAnInvalidRequest() {
        var otherPage = org.socialcare.core.domain.Channel.of(
                "fb-other",
                org.socialcare.core.domain.Platform.FACEBOOK,
                "Other",
                "2000000002",
                org.socialcare.core.domain.ChannelKind.BRAND,
                TEAM);

        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(otherPage, reply(ReplyKind.PUBLIC_REPLY, comment, null, "hi")));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("2000000002");
    }

    @Test
    void aTargetThatIsNotAGraphIdIsRefusedWithoutACall() {
        PlatformException e = catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(channel(), reply(ReplyKind.HIDE_COMMENT, "../me/feed?x=1", null, "")));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(graph.requests()).isEmpty();
    }

    private PlatformException publishExpectingError() {
        return catchThrowableOfType(
                PlatformException.class,
                () -> publisher.publish(
                        channel(), reply(ReplyKind.PUBLIC_REPLY, comment, null, "We're looking into it")));
    }

    @Test
    void aCommentWhoseAnswerCameTooLateIsUnknownAndFoundUnderItsTarget() {
        RestFbChannelPublisher impatient = new RestFbChannelPublisher(
                List.of(config(graph.baseUrl())
                        .readTimeout(Duration.ofMillis(1000))
                        .build()),
                window,
                clock);
        publisher.publish(channel(), reply(ReplyKind.PUBLIC_REPLY, post, null, "We are on it & will DM you ^AB"));
        Reply late = reply(ReplyKind.PUBLIC_REPLY, comment, null, "We are on it & will DM you ^AB");
        graph.loseNextAnswers(GraphApiEmulator.LostAnswer.late(Duration.ofMillis(2500)));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> impatient.publish(channel(), late));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN);
        String stored = graph.pageComments().stream()
                .filter(c -> c.parentId().equals(Optional.of(comment)))
                .map(GraphApiEmulator.CommentView::id)
                .findFirst()
                .orElseThrow();
        assertThat(impatient.findPublished(channel(), late)).isEqualTo(PublishedLookup.found(stored));
    }

    @Test
    void aReplyToASecondLevelCommentWhoseAnswerCameTooLateIsFoundUnderTheFirstLevelComment() {
        RestFbChannelPublisher impatient = new RestFbChannelPublisher(
                List.of(config(graph.baseUrl())
                        .readTimeout(Duration.ofMillis(1000))
                        .build()),
                window,
                clock);
        String inThread = graph.addComment(
                post, Optional.of(comment), "701", "Ben", "Same here, since Monday", NOW.minusSeconds(30));
        Reply late = reply(ReplyKind.PUBLIC_REPLY, inThread, null, "Sorry Ben, we are fixing it ^AB");
        graph.loseNextAnswers(GraphApiEmulator.LostAnswer.late(Duration.ofMillis(2500)));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> impatient.publish(channel(), late));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN);
        GraphApiEmulator.CommentView stored = graph.pageComments().stream()
                .filter(c -> c.repliedTo().equals(Optional.of(inThread)))
                .findFirst()
                .orElseThrow();
        assertThat(stored.parentId())
                .as("Facebook files it under the first-level comment")
                .contains(comment);
        assertThat(publisher.findPublished(channel(), late)).isEqualTo(PublishedLookup.found(stored.id()));
    }

    @Test
    void aReplyToASecondLevelCommentIsNotMistakenForTheSameTextSentInTheThreadBefore() {
        String inThread = graph.addComment(
                post, Optional.of(comment), "701", "Ben", "Same here, since Monday", NOW.minusSeconds(30));
        publisher.publish(channel(), reply(ReplyKind.PUBLIC_REPLY, comment, null, "We are fixing it ^AB"));
        clock.advance(Duration.ofMinutes(10));
        Reply later = Reply.queued(
                ReplyId.of("r-later"),
                ConversationId.of("c-2"),
                CHANNEL_ID,
                ReplyKind.PUBLIC_REPLY,
                Optional.of(inThread),
                Optional.empty(),
                "We are fixing it ^AB",
                Optional.of(AgentId.of("ab")),
                clock.instant());

        assertThat(publisher.findPublished(channel(), later))
                .as("the same words to Ann ten minutes before this entry existed are not this reply")
                .isEqualTo(PublishedLookup.notFound());
    }

    @Test
    void aMessageWhoseAnswerCameTooLateIsUnknownSentOnceAndFoundInTheConversation() {
        RestFbChannelPublisher impatient = new RestFbChannelPublisher(
                List.of(config(graph.baseUrl())
                        .readTimeout(Duration.ofMillis(1000))
                        .build()),
                window,
                clock);
        graph.addCustomerMessage("801", "Bea", "Is my transfer through?", NOW.minusSeconds(60));
        graph.addCustomerMessage("802", "Cy", "Hello?", NOW.minusSeconds(60));
        publisher.publish(channel(), reply(ReplyKind.PRIVATE_MESSAGE, null, "802", "Yes, it arrived this morning"));
        Reply dm = reply(ReplyKind.PRIVATE_MESSAGE, null, "801", "Yes, it arrived this morning");
        graph.loseNextAnswers(GraphApiEmulator.LostAnswer.late(Duration.ofMillis(2500)));

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> impatient.publish(channel(), dm));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN);
        List<GraphApiEmulator.SentMessage> toBea = graph.sentMessages().stream()
                .filter(m -> m.recipientId().equals(Optional.of("801")))
                .toList();
        assertThat(toBea).as("one copy to Bea").hasSize(1);
        assertThat(publisher.findPublished(channel(), dm))
                .isEqualTo(PublishedLookup.found(toBea.get(0).messageId()));
    }

    @Test
    void aMessageNeverSentIsNotFoundAndAConnectFailureIsTransient() {
        graph.addCustomerMessage("801", "Bea", "Is my transfer through?", NOW.minusSeconds(60));
        Reply dm = reply(ReplyKind.PRIVATE_MESSAGE, null, "801", "Yes, it arrived this morning");
        assertThat(publisher.findPublished(channel(), dm)).isEqualTo(PublishedLookup.notFound());

        RestFbChannelPublisher nowhere = new RestFbChannelPublisher(
                List.of(config(java.net.URI.create("http://127.0.0.1:" + closedPort()))
                        .build()),
                window,
                clock);
        PlatformException e = catchThrowableOfType(PlatformException.class, () -> nowhere.publish(channel(), dm));
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(graph.sentMessages()).isEmpty();
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Reply reply(ReplyKind kind, String target, String recipient, String text) {
        return Reply.queued(
                ReplyId.of("r-" + System.nanoTime()),
                ConversationId.of("c-1"),
                CHANNEL_ID,
                kind,
                Optional.ofNullable(target),
                Optional.ofNullable(recipient),
                text,
                Optional.of(AgentId.of("ab")),
                NOW);
    }
}
