package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator.Fault;

/**
 * With every logger at DEBUG, a day of failures logs no token or secret. twitter4j 4.1.2 looks for the SLF4J 1
 * binder class, which SLF4J 2 no longer has, so its own logging goes to java.util.logging: both are captured.
 */
class SecretsNeverLoggedTest {
    private final TwitterApiEmulator emulator = TwitterTestSupport.emulator();
    private final TwitterAdapterConfig config = TwitterTestSupport.config(emulator);
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger twitter4j = (Logger) LoggerFactory.getLogger("twitter4j");
    private final Level rootLevel = root.getLevel();
    private final Level twitter4jLevel = twitter4j.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.logging.Logger julTwitter4j = java.util.logging.Logger.getLogger("twitter4j");
    private final java.util.logging.Level julLevel = julTwitter4j.getLevel();
    private final List<String> julLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler julHandler = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            julLines.add(r.getMessage()
                    + (r.getParameters() == null ? "" : " " + java.util.Arrays.toString(r.getParameters())));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        julTwitter4j.removeHandler(julHandler);
        julTwitter4j.setLevel(julLevel);
        root.setLevel(rootLevel);
        twitter4j.setLevel(twitter4jLevel);
        emulator.close();
    }

    @Test
    void failuresAtDebugLevelLogNoSecret() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        twitter4j.setLevel(Level.DEBUG);
        julHandler.setLevel(java.util.logging.Level.ALL);
        julTwitter4j.addHandler(julHandler);
        julTwitter4j.setLevel(java.util.logging.Level.ALL);

        CareDesk desk = TwitterTestSupport.desk(emulator, config);
        var customer = emulator.user(501, "jane", "Jane", 1, false);
        emulator.mention(customer, "hello");
        desk.poll(Twitter4jChannelSource.mentions(config));
        var c = desk.queue(TwitterTestSupport.TEAM, 1).get(0);
        desk.claim(c.id(), org.socialcare.core.domain.AgentId.of("ana"));
        desk.reply(c.id(), org.socialcare.core.domain.AgentId.of("ana"), "Hi Jane");
        emulator.failNext(Fault.rateLimited(java.time.Instant.now()));
        desk.dispatchOutbox();
        emulator.expireToken();
        catchThrowable(() -> desk.poll(Twitter4jChannelSource.directMessages(config)));
        emulator.renewToken();
        TwitterAdapterConfig wrong = config.toBuilder()
                .accessToken(config.accessToken(), "wrong-secret-value")
                .build();
        catchThrowable(() -> Twitter4jChannelSource.mentions(wrong).poll(Optional.empty()));
        desk.webhook(
                TwitterWebhookHandler.forAccount(config),
                WebhookRequest.post("/t", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, "sha256=AAAA"), "{}"));
        desk.webhook(TwitterWebhookHandler.forAccount(config), WebhookRequest.get("/t", Map.of("crc_token", "x")));

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                lines.add(e.getThrowableProxy().getMessage());
            }
        }
        assertThat(julLines)
                .as("twitter4j's debug lines (requests, headers, OAuth base strings)")
                .hasSizeGreaterThan(20);
        lines.addAll(julLines);
        for (String secret : List.of(
                config.consumerSecret(), config.accessToken(), config.accessTokenSecret(), "wrong-secret-value")) {
            assertThat(lines).as("log lines containing a secret").noneMatch(l -> l != null && l.contains(secret));
        }
    }
}
