package org.socialcare.console;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.error.AlreadyClaimedException;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.ConcurrentUpdateException;
import org.socialcare.core.error.NotAssignedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' pages: the team queue, their own conversations, a conversation and every action on it. Each action
 * calls the desk as the logged-in agent (their login is their agent id), so the desk checks who holds the
 * conversation and audits it under them; a stale action (someone else claimed it first) comes back as a message.
 * URLs carry conversation ids only; texts travel in POST bodies.
 */
@Controller
class AgentController {
    static final int QUEUE_LIMIT = 50;

    private final CareDesk desk;
    private final DeskViews views;
    private final MessagePolicies policies;

    AgentController(CareDesk desk, DeskViews views, MessagePolicies policies) {
        this.desk = desk;
        this.views = views;
        this.policies = policies;
    }

    static AgentId agentOf(Principal principal) {
        return AgentId.of(principal.getName());
    }

    private Agent me(Principal principal) {
        return desk.agent(agentOf(principal)).orElseThrow();
    }

    @GetMapping("/")
    String home() {
        return "redirect:/queue";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/queue")
    String queue(Principal principal, Model model) {
        queueModel(principal, model);
        return "queue";
    }

    /** The queue region alone, for the page's polling. */
    @GetMapping("/queue/live")
    String queueLive(Principal principal, Model model) {
        queueModel(principal, model);
        return "queue :: live";
    }

    private void queueModel(Principal principal, Model model) {
        Agent me = me(principal);
        model.addAttribute("me", me);
        model.addAttribute(
                "team",
                desk.teams().stream()
                        .filter(t -> t.id().equals(me.team()))
                        .findFirst()
                        .orElseThrow());
        model.addAttribute("queue", views.queue(me.team(), QUEUE_LIMIT));
        model.addAttribute("mine", views.assignedTo(me.id()));
        model.addAttribute("now", views.time(views.now()));
    }

    @PostMapping("/conversations/claim")
    String claim(@RequestParam("conversation") String id, Principal principal, RedirectAttributes flash) {
        ConversationId conversation = ConversationId.of(id);
        try {
            desk.claim(conversation, agentOf(principal));
            flash.addFlashAttribute("notice", "You hold this conversation now.");
            return "redirect:/conversations/" + conversation.value();
        } catch (AlreadyClaimedException | ConcurrentUpdateException e) {
            flash.addFlashAttribute("problem", "Someone else was quicker: " + holder(conversation) + ".");
            return "redirect:/queue";
        } catch (CareException e) {
            flash.addFlashAttribute("problem", "Cannot claim it: " + e.getMessage());
            return "redirect:/queue";
        }
    }

    private String holder(ConversationId id) {
        return desk.conversation(id)
                .flatMap(Conversation::assignee)
                .map(a -> views.agentName(a) + " holds this conversation")
                .orElse("the conversation changed while you looked at it, please look again");
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable String id, Principal principal, Model model) {
        model.addAttribute("d", detail(id, principal));
        model.addAttribute("id", id);
        return "conversation";
    }

    /** The timeline and state alone, for the page's polling. */
    @GetMapping("/conversations/{id}/live")
    String conversationLive(@PathVariable String id, Principal principal, Model model) {
        model.addAttribute("d", detail(id, principal));
        model.addAttribute("id", id);
        return "conversation :: live";
    }

    private DeskViews.Detail detail(String id, Principal principal) {
        return views.detail(ConversationId.of(id), agentOf(principal))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such conversation"));
    }

    @PostMapping("/conversations/{id}/reply")
    String reply(
            @PathVariable String id,
            @RequestParam String text,
            @RequestParam(defaultValue = "PUBLIC_REPLY") ReplyKind kind,
            Principal principal,
            RedirectAttributes flash) {
        return act(id, principal, flash, "Reply queued.", (c, agent) -> {
            switch (kind) {
                case PUBLIC_REPLY -> desk.reply(c, agent, text);
                case PRIVATE_MESSAGE -> desk.sendPrivate(c, agent, text);
                case PRIVATE_REPLY_TO_COMMENT -> desk.privateReplyToComment(c, agent, text);
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a reply kind: " + kind);
            }
        });
    }

    @PostMapping("/conversations/{id}/template")
    String template(
            @PathVariable String id,
            @RequestParam String template,
            @RequestParam(defaultValue = "PUBLIC_REPLY") ReplyKind kind,
            Principal principal,
            RedirectAttributes flash) {
        return act(
                id,
                principal,
                flash,
                "Template reply queued.",
                (c, agent) -> desk.replyWithTemplate(c, agent, template, kind, Map.of()));
    }

    @PostMapping("/conversations/{id}/private")
    String moveToPrivate(
            @PathVariable String id, @RequestParam String invite, Principal principal, RedirectAttributes flash) {
        return act(
                id,
                principal,
                flash,
                "Invitation to continue in private queued.",
                (c, agent) -> desk.moveToPrivate(c, agent, invite, Optional.empty()));
    }

    @PostMapping("/conversations/{id}/callback")
    String callback(
            @PathVariable String id, @RequestParam String phone, Principal principal, RedirectAttributes flash) {
        return act(
                id,
                principal,
                flash,
                "Callback requested from the phone team.",
                (c, agent) -> desk.requestCallback(c, agent, phone, Optional.empty()));
    }

    @PostMapping("/conversations/{id}/resolve")
    String resolve(@PathVariable String id, Principal principal, RedirectAttributes flash) {
        return act(id, principal, flash, "Resolved.", (c, agent) -> desk.resolve(c, agent));
    }

    /** How the platform counts this text, for the reply form's counter (a POST: texts stay out of URLs). */
    @PostMapping(value = "/conversations/{id}/length", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> length(
            @PathVariable String id,
            @RequestParam String text,
            @RequestParam(defaultValue = "PUBLIC_REPLY") ReplyKind kind) {
        Conversation c = desk.conversation(ConversationId.of(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such conversation"));
        var limits = policies.textLimits(desk.channel(c.channel()).platform());
        int length = limits.length(text);
        int max = limits.maxLength(kind);
        return Map.of("length", length, "max", max, "fits", length <= max);
    }

    interface Action {
        void run(ConversationId conversation, AgentId agent);
    }

    private String act(String id, Principal principal, RedirectAttributes flash, String done, Action action) {
        ConversationId conversation = ConversationId.of(id);
        try {
            action.run(conversation, agentOf(principal));
            flash.addFlashAttribute("notice", done);
        } catch (NotAssignedException | AlreadyClaimedException | ConcurrentUpdateException e) {
            flash.addFlashAttribute("problem", "Not done: " + holderOrQueue(conversation, agentOf(principal)) + ".");
        } catch (CareException | IllegalArgumentException | IllegalStateException e) {
            // the desk's messages name ids and rules, never customer data
            flash.addFlashAttribute("problem", "Not done: " + e.getMessage());
        }
        return "redirect:/conversations/" + conversation.value();
    }

    private String holderOrQueue(ConversationId id, AgentId me) {
        Optional<Conversation> c = desk.conversation(id);
        if (c.isEmpty()) {
            return "the conversation no longer exists";
        }
        return c.get()
                .assignee()
                .map(a -> a.equals(me)
                        ? "the conversation changed while you worked on it, please look again"
                        : views.agentName(a) + " holds this conversation now")
                .orElse("you do not hold this conversation: claim it first");
    }
}
