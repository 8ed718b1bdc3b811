package org.socialcare.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.examples.demo.BankSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console in one application context (H2, the emulators, the feed switched off so each test delivers its own
 * customer): login, CSRF, roles, claims racing, stale actions, four eyes, the kill switch, masking and the audit
 * trail, each through the real controllers, security filters and desk.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:console-web-${random.uuid};DB_CLOSE_DELAY=-1",
            "console.feed-enabled=false",
            "care.background.outbox-interval=200ms"
        })
@AutoConfigureMockMvc
class ConsoleWebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    CareDesk desk;

    @Autowired
    LiveFeed feed;

    static RequestPostProcessor agent(String name) {
        return user(name).roles("AGENT");
    }

    static RequestPostProcessor supervisor(String name) {
        return user(name).roles("AGENT", "SUPERVISOR");
    }

    @Test
    void pagesRequireLogin() throws Exception {
        assertThat(mvc.perform(get("/queue"))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
        mvc.perform(get("/supervisor/metrics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void pagesAllowOnlyTheConsolesOwnFilesAndCannotBeFramed() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("http://"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("https://"))));
    }

    @Test
    void demoUsersLogInWithTheirPasswordOnly() throws Exception {
        mvc.perform(formLogin("/login").user("alice").password("demo-alice"))
                .andExpect(authenticated().withUsername("alice").withRoles("AGENT"))
                .andExpect(redirectedUrl("/queue"));
        mvc.perform(formLogin("/login").user("sam").password("demo-sam"))
                .andExpect(authenticated().withRoles("AGENT", "SUPERVISOR"));
        mvc.perform(formLogin("/login").user("alice").password("demo-carlos")).andExpect(unauthenticated());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Nora", "@Northbank how do I order a new card?");
        mvc.perform(post("/conversations/claim")
                        .param("conversation", c.id().value())
                        .with(agent("alice")))
                .andExpect(status().isForbidden());
        assertThat(desk.conversation(c.id()).orElseThrow().assignee()).isEmpty();
        mvc.perform(post("/conversations/claim")
                        .param("conversation", c.id().value())
                        .with(agent("alice"))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/conversations/claim")
                        .param("conversation", c.id().value())
                        .with(agent("alice"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/conversations/" + c.id().value()));
        assertThat(desk.conversation(c.id()).orElseThrow().assignee()).contains(AgentId.of("alice"));
    }

    @Test
    void agentsCannotReachSupervisorPages() throws Exception {
        mvc.perform(get("/supervisor/approvals").with(agent("alice"))).andExpect(status().isForbidden());
        mvc.perform(post("/supervisor/channels/pause")
                        .param("channel", "facebook-page")
                        .param("reason", "test")
                        .with(agent("alice"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(desk.channel(BankSetup.FACEBOOK_PAGE).isActive()).isTrue();
        mvc.perform(get("/supervisor/approvals").with(supervisor("sam"))).andExpect(status().isOk());
        mvc.perform(get("/supervisor/metrics").with(supervisor("sam")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("<svg")));
        mvc.perform(get("/supervisor/channels").with(supervisor("sam"))).andExpect(status().isOk());
    }

    @Test
    void twoAgentsRacingForOneConversationExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Conversation c = Customers.comment(feed, desk, "Race" + round, "@Northbank is the app down?");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MvcResult>> results = new ArrayList<>();
                for (String name : List.of("alice", "carlos")) {
                    Callable<MvcResult> claim = () -> {
                        start.await();
                        return mvc.perform(post("/conversations/claim")
                                        .param("conversation", c.id().value())
                                        .with(agent(name))
                                        .with(csrf()))
                                .andReturn();
                    };
                    results.add(pool.submit(claim));
                }
                start.countDown();
                int won = 0;
                int lost = 0;
                for (Future<MvcResult> f : results) {
                    MvcResult r = f.get();
                    String to = r.getResponse().getRedirectedUrl();
                    if (("/conversations/" + c.id().value()).equals(to)) {
                        won++;
                    } else {
                        assertThat(to).isEqualTo("/queue");
                        assertThat(r.getFlashMap().get("problem").toString()).contains("holds this conversation");
                        lost++;
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(lost).isEqualTo(1);
                List<AuditEntry> claims = desk.history(c.id()).stream()
                        .filter(e -> e.action() == AuditAction.CLAIMED)
                        .toList();
                assertThat(claims).hasSize(1);
                assertThat(desk.conversation(c.id())
                                .orElseThrow()
                                .assignee()
                                .orElseThrow()
                                .value())
                        .isEqualTo(claims.get(0).actor().substring("agent:".length()));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aStaleActionIsAnsweredWithWhoHoldsTheConversation() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Olga", "@Northbank my transfer is stuck");
        desk.claim(c.id(), AgentId.of("carlos"));
        mvc.perform(post("/conversations/" + c.id().value() + "/reply")
                        .param("text", "Hi Olga, we're on it")
                        .param("kind", "PUBLIC_REPLY")
                        .with(agent("alice"))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", containsString("Carlos Diaz (CD) holds this conversation")));
        assertThat(desk.replies(c.id())).isEmpty();
        mvc.perform(post("/conversations/claim")
                        .param("conversation", c.id().value())
                        .with(agent("alice"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/queue"))
                .andExpect(flash().attribute("problem", containsString("Carlos Diaz (CD) holds this conversation")));
    }

    @Test
    void agentActionsGoThroughTheDeskUnderTheirOwnIdentity() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Pia", "@Northbank what's the cut-off time for transfers?");
        String id = c.id().value();
        mvc.perform(post("/conversations/claim")
                .param("conversation", id)
                .with(agent("dana"))
                .with(csrf()));
        mvc.perform(post("/conversations/" + id + "/template")
                        .param("template", "thanks")
                        .param("kind", "PUBLIC_REPLY")
                        .with(agent("dana"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "Template reply queued."));
        mvc.perform(post("/conversations/" + id + "/resolve")
                        .with(agent("dana"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "Resolved."));
        List<AuditEntry> history = desk.history(c.id());
        assertThat(history)
                .filteredOn(e -> e.actor().equals("agent:dana"))
                .extracting(AuditEntry::action)
                .contains(AuditAction.CLAIMED, AuditAction.REPLY_QUEUED, AuditAction.RESOLVED);
        assertThat(desk.replies(c.id())).singleElement().satisfies(r -> {
            assertThat(r.author()).contains(AgentId.of("dana"));
            assertThat(r.text()).contains("Thanks so much Pia").endsWith("^DW");
        });
    }

    @Test
    void anAgentMovesAConversationToPrivateAndRequestsACallbackUnderTheirName() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Uli", "@Northbank my transfer has been pending for 3 days");
        String id = c.id().value();
        mvc.perform(post("/conversations/claim")
                .param("conversation", id)
                .with(agent("carlos"))
                .with(csrf()));
        mvc.perform(post("/conversations/" + id + "/private")
                        .param("invite", "Sorry Uli, please send us a private message with your details.")
                        .with(agent("carlos"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", containsString("continue in private")));
        mvc.perform(post("/conversations/" + id + "/callback")
                        .param("phone", "07700 900123")
                        .with(agent("carlos"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", containsString("Callback requested")));
        assertThat(desk.history(c.id()))
                .filteredOn(e -> e.actor().equals("agent:carlos"))
                .extracting(AuditEntry::action)
                .contains(AuditAction.MOVED_TO_PRIVATE, AuditAction.CALLBACK_REQUESTED);
        String audit = mvc.perform(get("/supervisor/audit/" + id).with(supervisor("sam")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(audit).contains("CALLBACK_REQUESTED").doesNotContain("07700 900123");
    }

    @Test
    void theAuthorCannotApproveTheirOwnHeldReplyAnotherSupervisorCan() throws Exception {
        Conversation c = Customers.comment(
                feed, desk, "Quentin", "@Northbank I'm taking legal action over the charges you refuse to refund.");
        String id = c.id().value();
        mvc.perform(post("/conversations/claim")
                .param("conversation", id)
                .with(supervisor("sam"))
                .with(csrf()));
        mvc.perform(post("/conversations/" + id + "/reply")
                        .param("text", "Hi Quentin, a senior colleague will review this today.")
                        .param("kind", "PUBLIC_REPLY")
                        .with(supervisor("sam"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "Reply queued."));
        ApprovalRequest held = desk.pendingApprovals().stream()
                .filter(r -> r.reply().conversation().equals(c.id()))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/supervisor/approvals").with(supervisor("sam")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("You wrote this reply")));
        mvc.perform(post("/supervisor/approvals/approve")
                        .param("reply", held.reply().id().value())
                        .with(supervisor("sam"))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", containsString("four eyes")));
        assertThat(desk.pendingApprovals())
                .extracting(r -> r.reply().id())
                .contains(held.reply().id());
        mvc.perform(post("/supervisor/approvals/approve")
                        .param("reply", held.reply().id().value())
                        .with(supervisor("erin"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", containsString("Approved")));
        assertThat(desk.pendingApprovals())
                .extracting(r -> r.reply().id())
                .doesNotContain(held.reply().id());
        assertThat(desk.history(c.id()))
                .anyMatch(e ->
                        e.action() == AuditAction.APPROVAL_DECIDED && e.actor().equals("supervisor:erin"));
    }

    @Test
    void aPausedChannelHoldsTheAgentsReplyUntilResumed() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Rita", "@Northbank can I change my direct debit date?");
        String id = c.id().value();
        mvc.perform(post("/supervisor/channels/pause")
                        .param("channel", "facebook-page")
                        .param("reason", "checking an unknown app post")
                        .with(supervisor("erin"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", containsString("Paused facebook-page")));
        try {
            mvc.perform(get("/supervisor/channels").with(supervisor("erin")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(containsString("by supervisor:erin")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(containsString("checking an unknown app post")));
            mvc.perform(post("/conversations/claim")
                    .param("conversation", id)
                    .with(agent("alice"))
                    .with(csrf()));
            mvc.perform(post("/conversations/" + id + "/reply")
                    .param("text", "Hi Rita, yes: in the app under Direct debits.")
                    .param("kind", "PUBLIC_REPLY")
                    .with(agent("alice"))
                    .with(csrf()));
            Thread.sleep(1000); // five outbox passes
            assertThat(desk.replies(c.id())).singleElement().satisfies(r -> assertThat(r.status())
                    .isInstanceOf(DeliveryStatus.Queued.class));
            mvc.perform(get("/conversations/" + id).with(agent("alice")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(containsString("the channel is paused")));
        } finally {
            mvc.perform(post("/supervisor/channels/resume")
                    .param("channel", "facebook-page")
                    .with(supervisor("erin"))
                    .with(csrf()));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(desk.replies(c.id()).get(0).status() instanceof DeliveryStatus.Sent) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(desk.replies(c.id()).get(0).status()).isInstanceOf(DeliveryStatus.Sent.class);
    }

    @Test
    void noPageShowsAFullCardNumber() throws Exception {
        Conversation c = Customers.comment(
                feed, desk, "Sven", "@Northbank my card " + Customers.CARD + " was declined at the till, why??");
        String id = c.id().value();
        mvc.perform(post("/conversations/claim")
                .param("conversation", id)
                .with(supervisor("sam"))
                .with(csrf()));
        List<String> pages = new ArrayList<>();
        for (String path : List.of("/queue", "/conversations/" + id, "/supervisor/audit/" + id, "/queue/live")) {
            pages.add(mvc.perform(get(path).with(supervisor("sam")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        }
        String conversationPage = pages.get(1);
        assertThat(conversationPage).contains("**** **** **** 6467").contains("SENSITIVE_DATA_PUBLIC");
        for (String page : pages) {
            assertThat(page).doesNotContain(Customers.CARD).doesNotContain(Customers.CARD.replace(" ", ""));
        }
        assertThat(pages.get(2)).contains("The audit chain verifies");
    }

    @Test
    void theLengthCounterCountsAsThePlatformDoes() throws Exception {
        Conversation c = Customers.comment(feed, desk, "Tom", "@Northbank hello");
        mvc.perform(post("/conversations/" + c.id().value() + "/length")
                        .param("text", "x".repeat(10))
                        .param("kind", "PUBLIC_REPLY")
                        .with(agent("alice"))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length")
                        .value(10))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.max")
                        .value(8000));
    }
}
