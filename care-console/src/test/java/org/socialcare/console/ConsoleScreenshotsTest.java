package org.socialcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.error.CareException;
import org.socialcare.examples.demo.BankSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Screenshots of every view of the console during the live demo day (the feed on, three simulated hours in), saved
 * under {@code target/screenshots} and, when {@code -Dcare.console.docs-images=DIR} is given, copied there (the
 * README's images come from {@code -Dcare.console.docs-images=$PWD/docs/images}). Tagged {@code browser}, and a
 * tool more than a test: it runs only when that property is given, so CI does not spend a minute on pictures.
 */
@Tag("browser")
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "care.console.docs-images", matches = ".+")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:console-shots-${random.uuid};DB_CLOSE_DELAY=-1",
            "console.speed=30",
            "console.start-after=3h",
            "care.background.outbox-interval=200ms",
            "server.address=127.0.0.1"
        })
class ConsoleScreenshotsTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @Value("${local.server.port}")
    int port;

    @Autowired
    CareDesk desk;

    @Autowired
    LiveFeed feed;

    @Test
    void screenshotsOfEachView() throws Exception {
        // the morning's customers arrive on the first feed passes
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (desk.queue(BankSetup.SOCIAL_CARE, 100).size() < 15 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // a colleague (through the desk, as the console would) answered a few, so the metrics have figures
        int answered = 0;
        for (Conversation c : desk.queue(BankSetup.SOCIAL_CARE, 100)) {
            if (answered == 6 || !c.riskFlags().isEmpty()) {
                continue;
            }
            try {
                desk.claim(c.id(), AgentId.of("carlos"));
                desk.replyWithTemplate(
                        c.id(),
                        AgentId.of("carlos"),
                        "thanks",
                        org.socialcare.core.domain.ReplyKind.PUBLIC_REPLY,
                        java.util.Map.of());
                answered++;
            } catch (CareException e) {
                // a held or refused reply: the next one
            }
        }
        Conversation card = awaitFlag(RiskFlag.SENSITIVE_DATA_PUBLIC).orElse(null);
        Conversation legal = awaitFlag(RiskFlag.LEGAL_THREAT).orElse(null);

        try (Browser alice = new Browser("alice", "http://127.0.0.1:" + port);
                Browser sam = new Browser("sam", "http://127.0.0.1:" + port)) {
            alice.login("alice", "demo-alice");
            alice.fullScreenshot(SHOTS.resolve("console-queue.png"));
            if (legal != null) {
                alice.open("/conversations/" + legal.id().value());
                alice.find(By.id("claim")).click();
                alice.find(By.id("reply-text"))
                        .sendKeys("We're sorry. A senior colleague will review your case today.");
                alice.find(By.id("send-reply")).click();
                alice.waitForText("held for a supervisor", false);
            }
            if (card != null) {
                alice.open("/conversations/" + card.id().value());
                alice.find(By.id("claim")).click();
                alice.waitForText("You hold this conversation now.", false);
                alice.find(By.id("reply-text")).sendKeys("Hi, for your security please delete your post.");
                alice.waitFor(
                        d -> d.findElement(By.id("reply-length")).getText().contains(" / "));
                assertThat(alice.source()).contains("**** **** **** ");
                alice.fullScreenshot(SHOTS.resolve("console-conversation.png"));
            }
            sam.login("sam", "demo-sam");
            sam.open("/supervisor/approvals");
            sam.fullScreenshot(SHOTS.resolve("console-approvals.png"));
            sam.open("/supervisor/channels");
            sam.find(By.cssSelector("tr[data-channel='twitter-brand'] input[name='reason']"))
                    .sendKeys("post from an unknown app: checking the account");
            sam.find(By.cssSelector("tr[data-channel='twitter-brand'] button.pause"))
                    .click();
            sam.waitForText("Paused twitter-brand", false);
            sam.fullScreenshot(SHOTS.resolve("console-channels.png"));
            sam.open("/supervisor/metrics");
            sam.fullScreenshot(SHOTS.resolve("console-metrics.png"));
            if (card != null) {
                sam.open("/supervisor/audit/" + card.id().value());
                sam.fullScreenshot(SHOTS.resolve("console-audit.png"));
            }
            sam.open("/supervisor/channels");
            sam.find(By.cssSelector("tr[data-channel='twitter-brand'] button.resume"))
                    .click();
        }
        String docs = System.getProperty("care.console.docs-images");
        if (docs != null && !docs.isBlank()) {
            copyAll(Path.of(docs));
        }
        assertThat(SHOTS.resolve("console-queue.png")).exists();
    }

    private Optional<Conversation> awaitFlag(RiskFlag flag) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Conversation> found = desk.queue(BankSetup.SOCIAL_CARE, 200).stream()
                    .filter(c -> c.riskFlags().contains(flag))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }

    private static void copyAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(SHOTS)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
