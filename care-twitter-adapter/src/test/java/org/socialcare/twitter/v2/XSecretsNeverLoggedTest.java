package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.emulators.x.XApiEmulator;
import org.socialcare.emulators.x.XApiEmulator.Fault;
import org.socialcare.twitter.TwitterWebhookHandler;

/**
 * With every logger at DEBUG (SLF4J and java.util.logging, where the JDK HTTP client logs), a day of v2
 * failures logs no token or secret: refreshes, a refused refresh, a rate limit, a bad signature.
 */
class XSecretsNeverLoggedTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final List<String> julLines = new CopyOnWriteArrayList<>();
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
        root.setLevel(rootLevel);
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
        emulator.close();
    }

    @Test
    void failuresAtDebugLevelLogNoSecret() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        julHandler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);
        julRoot.setLevel(java.util.logging.Level.ALL);
        List<String> secrets = new ArrayList<>(List.of(
                emulator.accessToken(),
                emulator.refreshToken(),
                emulator.clientSecret().orElseThrow(),
                emulator.consumerSecret(),
                emulator.oauth1TokenSecret()));
        XAuth.OAuth2User auth = XTestSupport.oauth2(emulator).onRefresh(t -> {
            secrets.add(t.accessToken());
            t.refreshToken().ifPresent(secrets::add);
        });
        XApiConfig config = XTestSupport.config(emulator, auth).build();
        CareDesk desk = CareDesk.builder()
                .storage(InMemoryStorage.create())
                .settings(DeskSettings.ofDefaults().withRetry(Duration.ofMillis(1), Duration.ofMillis(2)))
                .team(Team.of("social", "Social care"))
                .agent(Agent.of("ana", "Ana", "AN", org.socialcare.core.domain.TeamId.of("social")))
                .channel(XTestSupport.channel(emulator))
                .publisher(XChannelPublisher.forAccount(config))
                .build();

        emulator.mention(emulator.user("1900000000000000501", "jane", "Jane", 1, false), "hello");
        emulator.expireAccessToken(); // first call refreshes
        desk.poll(XChannelSource.mentions(config));
        var c = desk.queue(org.socialcare.core.domain.TeamId.of("social"), 1).get(0);
        desk.claim(c.id(), AgentId.of("ana"));
        desk.reply(c.id(), AgentId.of("ana"), "Hi Jane");
        emulator.failNext(Fault.rateLimited(Instant.now()));
        desk.dispatchOutbox();
        emulator.expireAccessToken();
        emulator.revokeRefreshToken();
        catchThrowable(() -> XChannelSource.directMessages(config).poll(Optional.empty()));
        XAuth.OAuth1 wrong = XAuth.oauth1(emulator.consumerKey(), "wrong-secret-value", "t", "u");
        catchThrowable(() -> XChannelSource.mentions(
                        XTestSupport.config(emulator, wrong).build())
                .poll(Optional.empty()));
        TwitterWebhookHandler handler = TwitterWebhookHandler.builder()
                .consumerSecret(emulator.consumerSecret())
                .account(emulator.account().id(), XTestSupport.CHANNEL)
                .build();
        catchThrowable(() -> desk.webhook(
                handler,
                WebhookRequest.post(
                        "/x", Map.of(TwitterWebhookHandler.SIGNATURE_HEADER, "sha256=AAAA"), "{\"data\":{}}")));
        secrets.add("wrong-secret-value");

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                lines.add(e.getThrowableProxy().getMessage());
            }
        }
        assertThat(lines)
                .as("log lines of the refresh, the rate limit and the rejected webhook")
                .anyMatch(l -> l.contains("refreshed"))
                .anyMatch(l -> l.contains("HTTP 429"))
                .anyMatch(l -> l.contains("webhook rejected"));
        lines.addAll(julLines);
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing a secret").noneMatch(l -> l != null && l.contains(secret));
        }
    }
}
