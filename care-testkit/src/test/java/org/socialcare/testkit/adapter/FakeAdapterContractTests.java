package org.socialcare.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.out.ChannelPublisher;
import org.socialcare.core.port.out.ChannelSource;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.testkit.support.ContractRunner;
import org.socialcare.testkit.support.PlantedFault;

/**
 * The adapter contracts pass on a correct fake adapter and fail on broken ones (so they can fail at all).
 * The broken variants are not run directly: {@link #contractsCatchBrokenAdapters()} runs them through the
 * JUnit launcher and counts failures.
 */
class FakeAdapterContractTests {

    @Nested
    class CorrectSource extends ChannelSourceContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelSource sourceOver(List<SeedMessage> messages) {
            platform.messages.addAll(messages);
            return platform.new Source(10, false);
        }

        @Override
        protected void postLater(SeedMessage message) {
            platform.messages.add(message);
        }

        @Override
        protected int backlogSize() {
            return 25;
        }

        @Override
        protected boolean postOwnMessage(SeedMessage message) {
            platform.ownSequences.add(message.sequence());
            platform.messages.add(message);
            return true;
        }

        @Override
        protected Optional<org.socialcare.core.domain.Visibility> expectedVisibility() {
            return Optional.of(org.socialcare.core.domain.Visibility.PUBLIC);
        }

        @Override
        protected boolean postUnreadableItem() {
            return FakeAdapterContractTests.postUnreadableItem(platform);
        }
    }

    /** Adds an item without an author, sequenced after every message the platform holds. */
    static boolean postUnreadableItem(FakePlatform platform) {
        int next =
                platform.messages.stream().mapToInt(SeedMessage::sequence).max().orElse(-1) + 1;
        platform.unreadableSequences.add(next);
        platform.messages.add(SeedMessage.numbered(next));
        return true;
    }

    /** Skips a page item it cannot read instead of dead-lettering it. */
    @PlantedFault
    static class DroppingSource extends ChannelSourceContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelSource sourceOver(List<SeedMessage> messages) {
            platform.messages.addAll(messages);
            return platform.new Source(10, false, false, true);
        }

        @Override
        protected void postLater(SeedMessage message) {
            platform.messages.add(message);
        }

        @Override
        protected int backlogSize() {
            return 25;
        }

        @Override
        protected boolean postUnreadableItem() {
            return FakeAdapterContractTests.postUnreadableItem(platform);
        }
    }

    /** Hands the bank's own posts out as customer messages. */
    @PlantedFault
    static class EchoBlindSource extends ChannelSourceContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelSource sourceOver(List<SeedMessage> messages) {
            platform.messages.addAll(messages);
            return platform.new Source(10, false, true);
        }

        @Override
        protected void postLater(SeedMessage message) {
            platform.messages.add(message);
        }

        @Override
        protected int backlogSize() {
            return 25;
        }

        @Override
        protected boolean postOwnMessage(SeedMessage message) {
            platform.ownSequences.add(message.sequence());
            platform.messages.add(message);
            return true;
        }

        @Override
        protected Optional<org.socialcare.core.domain.Visibility> expectedVisibility() {
            return Optional.of(org.socialcare.core.domain.Visibility.PRIVATE);
        }
    }

    @Nested
    class CorrectPublisher extends ChannelPublisherContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelPublisher publisher() {
            return platform.new Publisher(false);
        }

        @Override
        protected ChannelPublisher publisherAgainst(URI baseUri) {
            return new FakePlatform.HttpPublisher(baseUri, Optional.of(Duration.ofSeconds(1)));
        }

        @Override
        protected Channel channel() {
            return FakePlatform.CHANNEL;
        }

        @Override
        protected String customerMessageId() {
            return "m-77";
        }

        @Override
        protected String customerUserId() {
            return "u-42";
        }

        @Override
        protected List<ReceivedPost> received() {
            return List.copyOf(platform.received);
        }

        @Override
        protected void failNextCallWithAuthError() {
            platform.nextFailure = "auth";
        }

        @Override
        protected Instant failNextCallWithRateLimit() {
            platform.resetAt = Instant.now().plusSeconds(900);
            platform.nextFailure = "rate";
            return platform.resetAt;
        }

        @Override
        protected boolean failNextCallWithServerError() {
            platform.nextFailure = "5xx";
            return true;
        }

        @Override
        protected boolean failNextCallAsDuplicate() {
            platform.nextFailure = "dup";
            return true;
        }

        @Override
        protected List<String> secrets() {
            return List.of(FakePlatform.SECRET);
        }
    }

    @Nested
    class CorrectWebhook extends WebhookHandlerContract {
        @Override
        protected WebhookHandler handler() {
            return new FakePlatform.Webhook(true);
        }

        @Override
        protected String customerMessageBody(String text) {
            return FakePlatform.Webhook.body(text);
        }

        @Override
        protected Optional<String> bodyWithOneUnreadableItem(String text) {
            return Optional.of(FakePlatform.Webhook.body(text) + "\n{\"id\":\"m2\",\"text\":\"no sender\"}");
        }

        @Override
        protected String sign(String body) {
            return FakePlatform.Webhook.sign(body);
        }

        @Override
        protected WebhookRequest request(String body, Optional<String> signature) {
            return FakePlatform.Webhook.request(body, signature);
        }

        @Override
        protected Optional<VerificationChallenge> verificationChallenge() {
            return Optional.of(new VerificationChallenge(
                    WebhookRequest.get("/hooks/fake", Map.of("challenge", "abc123")), "abc123"));
        }

        @Override
        protected List<String> secrets() {
            return List.of(FakePlatform.SECRET);
        }
    }

    /** Loses the last message of every page. */
    @PlantedFault
    static class LossySource extends ChannelSourceContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelSource sourceOver(List<SeedMessage> messages) {
            platform.messages.addAll(messages);
            return platform.new Source(10, true);
        }

        @Override
        protected void postLater(SeedMessage message) {
            platform.messages.add(message);
        }

        @Override
        protected int backlogSize() {
            return 25;
        }
    }

    /** Puts the app secret into its auth error message. */
    @PlantedFault
    static class LeakyPublisher extends CorrectPublisherBase {
        @Override
        protected ChannelPublisher publisher() {
            return platform.new Publisher(true);
        }
    }

    /** On a private-only channel, yet publishes a public reply it is handed (and says it can). */
    @PlantedFault
    static class PublicOnPrivateChannelPublisher extends CorrectPublisherBase {
        @Override
        protected ChannelPublisher publisher() {
            return platform.new Publisher(false);
        }

        @Override
        protected boolean supportsPublicReplies() {
            return false;
        }
    }

    /** Its HTTP client has no read timeout: a platform that never answers keeps it waiting forever. */
    @PlantedFault
    static class TimeoutlessPublisher extends CorrectPublisherBase {
        @Override
        protected ChannelPublisher publisher() {
            return platform.new Publisher(false);
        }

        @Override
        protected ChannelPublisher publisherAgainst(URI baseUri) {
            return new FakePlatform.HttpPublisher(baseUri, Optional.empty());
        }
    }

    /** Drops a line of a callback it cannot read instead of dead-lettering it. */
    @PlantedFault
    static class DroppingWebhook extends WebhookHandlerContract {
        @Override
        protected WebhookHandler handler() {
            return new FakePlatform.Webhook(true, false);
        }

        @Override
        protected String customerMessageBody(String text) {
            return FakePlatform.Webhook.body(text);
        }

        @Override
        protected Optional<String> bodyWithOneUnreadableItem(String text) {
            return Optional.of(FakePlatform.Webhook.body(text) + "\n{\"id\":\"m2\",\"text\":\"no sender\"}");
        }

        @Override
        protected String sign(String body) {
            return FakePlatform.Webhook.sign(body);
        }

        @Override
        protected WebhookRequest request(String body, Optional<String> signature) {
            return FakePlatform.Webhook.request(body, signature);
        }
    }

    /** Never checks the signature's value. */
    @PlantedFault
    static class TrustingWebhook extends WebhookHandlerContract {
        @Override
        protected WebhookHandler handler() {
            return new FakePlatform.Webhook(false);
        }

        @Override
        protected String customerMessageBody(String text) {
            return FakePlatform.Webhook.body(text);
        }

        @Override
        protected String sign(String body) {
            return FakePlatform.Webhook.sign(body);
        }

        @Override
        protected WebhookRequest request(String body, Optional<String> signature) {
            return FakePlatform.Webhook.request(body, signature);
        }
    }

    abstract static class CorrectPublisherBase extends ChannelPublisherContract {
        final FakePlatform platform = new FakePlatform();

        @Override
        protected ChannelPublisher publisherAgainst(URI baseUri) {
            return new FakePlatform.HttpPublisher(baseUri, Optional.of(Duration.ofSeconds(1)));
        }

        @Override
        protected Channel channel() {
            return FakePlatform.CHANNEL;
        }

        @Override
        protected String customerMessageId() {
            return "m-77";
        }

        @Override
        protected String customerUserId() {
            return "u-42";
        }

        @Override
        protected List<ReceivedPost> received() {
            return List.copyOf(platform.received);
        }

        @Override
        protected void failNextCallWithAuthError() {
            platform.nextFailure = "auth";
        }

        @Override
        protected Instant failNextCallWithRateLimit() {
            platform.resetAt = Instant.now().plusSeconds(900);
            platform.nextFailure = "rate";
            return platform.resetAt;
        }

        @Override
        protected List<String> secrets() {
            return List.of(FakePlatform.SECRET);
        }
    }

    @Test
    void contractsCatchBrokenAdapters() {
        assertThat(failures(LossySource.class))
                .as("failed checks of a source that loses messages")
                .isGreaterThanOrEqualTo(2);
        assertThat(ContractRunner.failedTests(EchoBlindSource.class))
                .as("failed checks of a source blind to echoes and visibility")
                .containsExactly(
                        "messagesKeepTheirTextAuthorAndTime", "ownPostsComeBackAsOwnMessagesNotAsCustomerMessages");
        assertThat(ContractRunner.failedTests(DroppingSource.class))
                .as("failed checks of a source that drops a page item it cannot read")
                .containsExactly("anUnreadableItemIsDeadLetteredNotDropped");
        assertThat(failures(LeakyPublisher.class))
                .as("failed checks of a publisher leaking its secret")
                .isEqualTo(1);
        assertThat(ContractRunner.failedTests(PublicOnPrivateChannelPublisher.class))
                .as("failed checks of a publisher on a private-only channel that posts public replies")
                .containsExactly("whatThePublisherCannotDoIsRefusedAsInvalidAndPostsNothing");
        assertThat(ContractRunner.failedTests(TimeoutlessPublisher.class))
                .as("failed checks of a publisher without an HTTP read timeout")
                .containsExactly("aPublishToAServerThatNeverAnswersEndsInTimeAsUnknown");
        assertThat(ContractRunner.failedTests(DroppingWebhook.class))
                .as("failed checks of a webhook that drops an item it cannot read")
                .containsExactly("anUnreadableItemIsDeadLetteredNotDropped");
        assertThat(failures(TrustingWebhook.class))
                .as("failed checks of a webhook trusting any signature")
                .isEqualTo(4);
    }

    private static long failures(Class<?> testClass) {
        return ContractRunner.failedTests(testClass).size();
    }
}
