package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.facebook.TestPages.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Team;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.facebook.GraphApiEmulator.Fault;
import org.socialcare.testkit.MutableClock;

/** Runs a busy care session with every logger at TRACE (restfb's HTTP logging included) and reads every line. */
class SecretsNeverLoggedTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger restfb = (Logger) LoggerFactory.getLogger("com.restfb");
    private final Logger care = (Logger) LoggerFactory.getLogger("org.socialcare");
    private GraphApiEmulator graph;

    @BeforeEach
    void capture() throws IOException {
        graph = GraphApiEmulator.start(PAGE_ID, PAGE_NAME, TOKEN, APP_SECRET, clock);
        logs.start();
        root.addAppender(logs);
        restfb.setLevel(Level.TRACE);
        care.setLevel(Level.TRACE);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        restfb.setLevel(Level.INFO);
        care.setLevel(Level.INFO);
        graph.close();
    }

    @Test
    void noTokenOrSecretAppearsInAnyLogLineOrError() {
        FacebookAdapter facebook =
                FacebookAdapter.create(clock, config(graph.baseUrl()).build());
        CareDesk desk = CareDesk.builder()
                .clock(clock)
                .team(Team.of(TEAM.value(), "Care"))
                .channel(channel())
                .agent(Agent.of("ab", "Alex", "AB", TEAM))
                .publisher(facebook.publisher())
                .build();
        String post = graph.addPost(PAGE_ID, PAGE_NAME, "Hello", NOW.minus(Duration.ofHours(1)));
        graph.addComment(post, Optional.empty(), "700", "Ann", "Card blocked", NOW.minus(Duration.ofMinutes(5)));
        graph.addCustomerMessage("9001", "Ann", "Hi", NOW.minus(Duration.ofMinutes(4)));
        // restfb's own HTTP lines are off now: more customers keep the care lines alone above the bar below
        for (int i = 0; i < 8; i++) {
            graph.addComment(
                    post,
                    Optional.empty(),
                    "80" + i,
                    "Cust " + i,
                    "Card question " + i,
                    NOW.minus(Duration.ofMinutes(3)));
        }
        desk.poll(facebook.source(CHANNEL_ID));
        var c = desk.storage()
                .conversations()
                .findLatestOfCustomer(CHANNEL_ID, "700")
                .orElseThrow();
        desk.claim(c.id(), AgentId.of("ab"));
        desk.reply(c.id(), AgentId.of("ab"), "We're on it ^AB");
        desk.privateReplyToComment(c.id(), AgentId.of("ab"), "Hi Ann");
        graph.failNext(Fault.rateLimited(4, Duration.ofMinutes(1)));
        desk.dispatchOutbox();
        clock.advance(Duration.ofMinutes(2));
        desk.dispatchOutbox();
        graph.expireToken();
        try {
            desk.poll(facebook.source(CHANNEL_ID));
        } catch (RuntimeException expected) {
            assertThat(expected.getMessage()).doesNotContain(TOKEN);
        }
        desk.webhook(
                facebook.webhookHandler(),
                post("{\"object\":\"page\",\"entry\":[]}", Optional.of("sha256=" + "ab".repeat(32))));
        desk.webhook(
                facebook.webhookHandler(),
                org.socialcare.core.port.in.WebhookRequest.get(
                        "/",
                        java.util.Map.of("hub.mode", "subscribe", "hub.verify_token", "wrong", "hub.challenge", "x")));

        assertThat(logs.list).as("log lines captured").hasSizeGreaterThan(10);
        List<String> lines = logs.list.stream()
                .map(e -> e.getFormattedMessage() + " "
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .toList();
        for (String secret : secrets()) {
            assertThat(lines).as("log lines").noneSatisfy(l -> assertThat(l).contains(secret));
        }
        assertThat(RestFbLogging.httpLoggingSilenced())
                .as("restfb's HTTP logger is off")
                .isTrue();
        String proof = appSecretProof();
        assertThat(lines).as("log lines").noneSatisfy(l -> assertThat(l).contains(proof));
        assertThat(desk.storage().audit().recent(200))
                .noneSatisfy(a -> assertThat(a.detail()).contains(TOKEN));
        assertThat(facebook.toString() + config(graph.baseUrl()).build())
                .doesNotContain(TOKEN)
                .doesNotContain(APP_SECRET)
                .doesNotContain(VERIFY_TOKEN);
    }

    /** What restfb sends as {@code appsecret_proof}: HMAC-SHA256 of the page token keyed with the app secret. */
    private static String appSecretProof() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    APP_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
