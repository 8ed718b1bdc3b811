package org.socialcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Conversation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The console in real browsers: headless Chromium driven by Selenium WebDriver against the application on a random
 * port (H2, the emulators; the feed off, each test delivers its own customers through the Graph API emulator and the
 * signed webhook). Tagged {@code browser}: run by the {@code ci} profile only. A failing test leaves a screenshot of
 * every browser it opened under {@code target/browser-screenshots}.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:console-browser-${random.uuid};DB_CLOSE_DELAY=-1",
            "console.feed-enabled=false",
            "care.background.outbox-interval=200ms",
            "server.address=127.0.0.1"
        })
class ConsoleBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    @Value("${local.server.port}")
    int port;

    @Autowired
    CareDesk desk;

    @Autowired
    LiveFeed feed;

    private final List<Browser> browsers = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = this::screenshotsOnFailure;

    private void screenshotsOnFailure(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (Browser b : browsers) {
                try {
                    b.fullScreenshot(
                            SCREENSHOTS.resolve(context.getRequiredTestMethod().getName() + "-" + b.name() + ".png"));
                } catch (RuntimeException e) {
                    context.publishReportEntry("screenshot of " + b.name() + " failed", e.toString());
                }
            }
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    private Browser browser(String user) {
        Browser b = new Browser(user, "http://127.0.0.1:" + port);
        browsers.add(b);
        return b.login(user, "demo-" + user);
    }

    private static void claimRow(Browser b, Conversation c) {
        b.find(By.cssSelector("tr[data-conversation='" + c.id().value() + "'] button.claim"))
                .click();
    }

    @Test
    @Order(1)
    void anAgentClaimsTheTopConversationRepliesWithATemplateAndSeesItSent() {
        Conversation first = Customers.comment(feed, desk, "Ada", "@Northbank how do I raise my contactless limit?");
        Customers.comment(feed, desk, "Bea", "@Northbank what's the cut-off time for same-day transfers?");
        Browser alice = browser("alice");
        alice.waitForText("Ada", true);
        WebElement top = alice.find(By.cssSelector("#queue tbody tr"));
        assertThat(top.getAttribute("data-conversation")).isEqualTo(first.id().value());
        top.findElement(By.cssSelector("button.claim")).click();
        alice.waitFor(
                d -> d.getCurrentUrl().endsWith("/conversations/" + first.id().value()));
        assertThat(alice.source()).contains("You hold this conversation now.");

        new Select(alice.find(By.id("template-choice"))).selectByValue("thanks");
        alice.find(By.id("insert-template")).click();
        assertThat(alice.find(By.id("reply-text")).getAttribute("value")).startsWith("Thanks so much Ada");
        // the counter asks the server how the platform counts the text
        alice.waitFor(d -> d.findElement(By.id("reply-length")).getText().matches("\\d+ / 8000"));
        alice.find(By.id("send-reply")).click();
        alice.waitForText("Reply queued.", false);
        // the page polls its timeline: the reply turns to sent once the outbox published it to the Graph emulator
        alice.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("sent"));
        assertThat(alice.find(By.id("timeline")).getText()).contains("Thanks so much Ada");
        assertThat(desk.history(first.id()))
                .anyMatch(e -> e.action() == AuditAction.REPLY_SENT)
                .anyMatch(e -> e.action() == AuditAction.CLAIMED && e.actor().equals("agent:alice"));
    }

    @Test
    @Order(2)
    void aSupervisorApprovesAHeldReplyThenPausesAChannelAndTheAgentsReplyIsHeld() {
        Conversation legal = Customers.comment(
                feed, desk, "Cyd", "@Northbank I'm taking legal action over the charges you refuse to refund.");
        Browser alice = browser("alice");
        Browser sam = browser("sam");

        alice.open("/conversations/" + legal.id().value());
        alice.find(By.id("claim")).click();
        alice.waitForText("You hold this conversation now.", false);
        alice.find(By.id("reply-text")).sendKeys("Hi Cyd, a senior colleague will review your case today.");
        alice.find(By.id("send-reply")).click();
        alice.waitForText("held for a supervisor", false);

        sam.open("/supervisor/approvals");
        WebElement held = sam.find(By.xpath("//article[contains(., 'a senior colleague will review your case')]"));
        held.findElement(By.cssSelector("button.approve")).click();
        sam.waitForText("Approved: the reply is queued for publishing.", false);
        assertThat(sam.source()).doesNotContain("a senior colleague will review your case");
        // alice's page updates itself
        alice.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("sent"));

        Conversation later = Customers.comment(feed, desk, "Dee", "@Northbank can I change my direct debit date?");
        sam.open("/supervisor/channels");
        WebElement page = sam.find(By.cssSelector("tr[data-channel='facebook-page']"));
        page.findElement(By.name("reason")).sendKeys("unknown app posted on the page");
        page.findElement(By.cssSelector("button.pause")).click();
        sam.waitForText("Paused facebook-page", false);
        assertThat(sam.find(By.cssSelector("tr[data-channel='facebook-page']")).getText())
                .contains("PAUSED")
                .contains("unknown app posted on the page")
                .contains("supervisor:sam");
        try {
            alice.open("/queue");
            claimRow(alice, later);
            alice.waitForText("You hold this conversation now.", false);
            alice.find(By.id("reply-text")).sendKeys("Hi Dee, yes: in the app under Direct debits.");
            alice.find(By.id("send-reply")).click();
            alice.waitForText("the channel is paused", false);
            assertThat(alice.find(By.id("timeline")).getText()).doesNotContain("sent");
        } finally {
            sam.open("/supervisor/channels");
            sam.find(By.cssSelector("tr[data-channel='facebook-page'] button.resume"))
                    .click();
            sam.waitForText("Resumed facebook-page", false);
        }
        alice.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("sent"));
    }

    @Test
    @Order(3)
    void twoAgentsRaceForOneConversationAndExactlyOneWins() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Eve", "@Northbank is the app down?");
        Browser alice = browser("alice");
        Browser carlos = browser("carlos");
        for (Browser b : List.of(alice, carlos)) {
            b.open("/queue");
            b.waitFor(d -> !d.findElements(By.cssSelector("tr[data-conversation='" + c.id().value() + "']"))
                    .isEmpty());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Browser b : List.of(alice, carlos)) {
                outcomes.add(pool.submit(() -> {
                    WebElement button =
                            b.find(By.cssSelector("tr[data-conversation='" + c.id().value() + "'] button.claim"));
                    go.await();
                    button.click();
                    return b.waitFor(d -> {
                        String s = d.getPageSource();
                        if (s.contains("You hold this conversation now.")) {
                            return "won";
                        }
                        return s.contains("Someone else was quicker") ? "lost" : null;
                    });
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).containsExactlyInAnyOrder("won", "lost");
        } finally {
            pool.shutdownNow();
        }
        AgentId holder = desk.conversation(c.id()).orElseThrow().assignee().orElseThrow();
        Browser loser = holder.value().equals("alice") ? carlos : alice;
        assertThat(loser.source()).contains(holder.value().equals("alice") ? "Alice Brown (AB)" : "Carlos Diaz (CD)");
        assertThat(desk.history(c.id()).stream().filter(e -> e.action() == AuditAction.CLAIMED))
                .hasSize(1);
    }

    @Test
    @Order(4)
    void aCardNumberNeverReachesThePageSource() {
        Conversation c = Customers.comment(
                feed, desk, "Fay", "@Northbank my card " + Customers.CARD + " was declined at the till, why??");
        Browser alice = browser("alice");
        alice.open("/queue");
        String queue = alice.source();
        claimRow(alice, c);
        alice.waitForText("You hold this conversation now.", false);
        String conversation = alice.source();
        assertThat(conversation).contains("**** **** **** 6467");
        for (String source : List.of(queue, conversation)) {
            assertThat(source).doesNotContain(Customers.CARD).doesNotContain(Customers.CARD.replace(" ", ""));
        }
    }
}
