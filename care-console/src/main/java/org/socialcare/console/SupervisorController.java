package org.socialcare.console;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelHealth;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.metrics.Breakdown;
import org.socialcare.core.domain.metrics.MetricsReport;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.error.CareException;
import org.socialcare.core.port.out.ChannelStateStore;
import org.socialcare.examples.demo.CareDaySimulation;
import org.socialcare.persistence.jdbc.AuditVerification;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' pages: replies held for approval (four eyes: the desk refuses the author's own approval), the
 * channels with the kill switch, live metrics drawn as inline SVG, and a conversation's audit trail with the
 * verification of the audit chain. Every decision goes through the desk under the supervisor's id.
 */
@Controller
class SupervisorController {
    /** Accounts without a reply for this long are listed as inactive. */
    static final Duration INACTIVE_AFTER = Duration.ofHours(2);

    private final CareDesk desk;
    private final DeskViews views;
    private final JdbcCareStorage jdbc;
    private final EscalationCounts escalations;

    SupervisorController(CareDesk desk, DeskViews views, JdbcCareStorage jdbc, EscalationCounts escalations) {
        this.desk = desk;
        this.views = views;
        this.jdbc = jdbc;
        this.escalations = escalations;
    }

    /** A held reply as the approvals page shows it. */
    record Held(
            String replyId,
            String conversation,
            String channel,
            String kind,
            String text,
            String author,
            boolean mine,
            String reasons,
            String requestedAt) {}

    @GetMapping("/supervisor/approvals")
    String approvals(Principal principal, Model model) {
        AgentId me = AgentController.agentOf(principal);
        List<Held> held = new ArrayList<>();
        for (ApprovalRequest r : desk.pendingApprovals()) {
            held.add(new Held(
                    r.reply().id().value(),
                    r.reply().conversation().value(),
                    r.reply().channel().value(),
                    r.reply().kind().name(),
                    r.reply().text(),
                    r.reply().author().map(views::agentName).orElse("desk"),
                    r.reply().author().filter(me::equals).isPresent(),
                    String.join("; ", r.reasons()),
                    views.time(r.requestedAt())));
        }
        model.addAttribute("held", held);
        return "approvals";
    }

    @PostMapping("/supervisor/approvals/approve")
    String approve(@RequestParam String reply, Principal principal, RedirectAttributes flash) {
        try {
            desk.approve(ReplyId.of(reply), AgentController.agentOf(principal));
            flash.addFlashAttribute("notice", "Approved: the reply is queued for publishing.");
        } catch (CareException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "Not approved: " + e.getMessage());
        }
        return "redirect:/supervisor/approvals";
    }

    @PostMapping("/supervisor/approvals/reject")
    String reject(
            @RequestParam String reply, @RequestParam String reason, Principal principal, RedirectAttributes flash) {
        try {
            desk.rejectReply(ReplyId.of(reply), AgentController.agentOf(principal), reason);
            flash.addFlashAttribute("notice", "Rejected; the author sees your reason in the audit trail.");
        } catch (CareException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "Not rejected: " + e.getMessage());
        }
        return "redirect:/supervisor/approvals";
    }

    /** A channel as the channels page shows it. */
    record ChannelRow(
            String id,
            String platform,
            String handle,
            String kind,
            String team,
            boolean active,
            String health,
            String lastError,
            String change) {}

    @GetMapping("/supervisor/channels")
    String channels(Model model) {
        List<ChannelRow> rows = new ArrayList<>();
        for (Channel c : desk.channels()) {
            ChannelHealth health = desk.health(c.id());
            Optional<ChannelStateStore.Recorded> change = jdbc.channelStates().state(c.id());
            rows.add(new ChannelRow(
                    c.id().value(),
                    c.platform().name(),
                    "@" + c.handle(),
                    c.kind().name(),
                    c.team().value(),
                    c.isActive(),
                    health.state().name(),
                    health.lastError().orElse(""),
                    change.map(r -> r.state() + " by " + r.actor() + " at " + views.time(r.changedAt())
                                    + r.reason().map(reason -> ": " + reason).orElse(""))
                            .orElse("")));
        }
        model.addAttribute("channels", rows);
        return "channels";
    }

    @PostMapping("/supervisor/channels/pause")
    String pause(
            @RequestParam String channel, @RequestParam String reason, Principal principal, RedirectAttributes flash) {
        try {
            desk.pauseChannel(ChannelId.of(channel), reason, "supervisor:" + principal.getName());
            flash.addFlashAttribute("notice", "Paused " + channel + ": replies wait in the outbox.");
        } catch (CareException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "Not paused: " + e.getMessage());
        }
        return "redirect:/supervisor/channels";
    }

    @PostMapping("/supervisor/channels/resume")
    String resume(@RequestParam String channel, Principal principal, RedirectAttributes flash) {
        try {
            desk.resumeChannel(ChannelId.of(channel), "supervisor:" + principal.getName());
            flash.addFlashAttribute("notice", "Resumed " + channel + ": waiting replies are published.");
        } catch (CareException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "Not resumed: " + e.getMessage());
        }
        return "redirect:/supervisor/channels";
    }

    /** One bar of a chart: a label, a value's text, and its width in the SVG (0..300). */
    record Bar(String label, String value, int width) {}

    /** A bar chart: its title and bars. */
    record Chart(String title, List<Bar> bars) {}

    @GetMapping("/supervisor/metrics")
    String metrics(Model model) {
        metricsModel(model);
        return "metrics";
    }

    @GetMapping("/supervisor/metrics/live")
    String metricsLive(Model model) {
        metricsModel(model);
        return "metrics :: live";
    }

    private void metricsModel(Model model) {
        Instant now = views.now();
        MetricsReport report = desk.metrics(CareDaySimulation.OPENING, now.plusSeconds(1), INACTIVE_AFTER);
        Breakdown all = report.overall();
        model.addAttribute("now", views.time(now));
        model.addAttribute("opened", all.opened());
        model.addAttribute("responded", all.responded());
        model.addAttribute(
                "p50", all.medianFirstResponse().map(DeskViews::minutes).orElse("-"));
        model.addAttribute("p90", all.p90FirstResponse().map(DeskViews::minutes).orElse("-"));
        model.addAttribute(
                "sla",
                all.slaCompliance().isPresent() ? percent(all.slaCompliance().getAsDouble()) : "-");
        model.addAttribute("backlog", all.backlog());

        List<Bar> depth = new ArrayList<>();
        Map<String, Integer> depths = new java.util.LinkedHashMap<>();
        for (Team t : desk.teams()) {
            depths.put(t.name(), desk.queue(t.id(), 1000).size());
        }
        int maxDepth =
                depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        depths.forEach((k, v) -> depth.add(new Bar(k, String.valueOf(v), scale(v, maxDepth))));

        List<Bar> compliance = new ArrayList<>();
        report.byChannel().forEach((ch, b) -> {
            if (b.slaCompliance().isPresent()) {
                double v = b.slaCompliance().getAsDouble();
                compliance.add(new Bar(ch.value(), percent(v), (int) Math.round(v * 300)));
            }
        });

        List<Bar> p90 = new ArrayList<>();
        long maxP90 = report.byChannel().values().stream()
                .map(b -> b.p90FirstResponse().map(Duration::toSeconds).orElse(0L))
                .max(Long::compare)
                .orElse(0L);
        report.byChannel().forEach((ch, b) -> b.p90FirstResponse()
                .ifPresent(d -> p90.add(new Bar(ch.value(), DeskViews.minutes(d), scale(d.toSeconds(), maxP90)))));

        List<Bar> rules = new ArrayList<>();
        Map<String, Integer> byRule = escalations.byRule();
        int maxRule = byRule.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        byRule.forEach((k, v) -> rules.add(new Bar(k, String.valueOf(v), scale(v, maxRule))));
        model.addAttribute(
                "charts",
                List.of(
                        new Chart("Queue depth by team", depth),
                        new Chart("SLA compliance by channel", compliance),
                        new Chart("First response p90 by channel", p90),
                        new Chart("Escalations by rule (this node, since it started)", rules)));

        model.addAttribute(
                "inactive",
                report.inactiveAccounts().stream()
                        .map(a -> "@" + a.handle() + " (" + a.channel().value() + "): last reply "
                                + a.lastReplyAt().map(views::time).orElse("never"))
                        .toList());
    }

    private static int scale(long value, long max) {
        return max <= 0 ? 0 : (int) Math.round(300.0 * value / max);
    }

    private static String percent(double v) {
        return Math.round(v * 1000) / 10.0 + " %";
    }

    /** One audit line as the audit page shows it. */
    record Line(String at, String actor, String action, String detail) {}

    @GetMapping("/supervisor/audit/{id}")
    String audit(@PathVariable String id, Model model) {
        ConversationId conversation = ConversationId.of(id);
        if (desk.conversation(conversation).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such conversation");
        }
        List<Line> lines = new ArrayList<>();
        for (AuditEntry e : desk.history(conversation)) {
            lines.add(new Line(views.time(e.at()), e.actor(), e.action().name(), e.detail()));
        }
        AuditVerification verification = jdbc.audit().verify();
        model.addAttribute("id", id);
        model.addAttribute("lines", lines);
        model.addAttribute("intact", verification.intact());
        model.addAttribute("rowsChecked", verification.rowsChecked());
        model.addAttribute(
                "guarantees",
                verification.guarantees().stream().map(Enum::name).sorted().toList());
        model.addAttribute("verificationProblem", verification.problem().orElse(""));
        return "audit";
    }
}
