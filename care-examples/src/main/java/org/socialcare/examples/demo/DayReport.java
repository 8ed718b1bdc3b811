package org.socialcare.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.metrics.Breakdown;
import org.socialcare.core.domain.metrics.CareMetrics;
import org.socialcare.core.domain.metrics.MetricsReport;

/**
 * The end-of-day figures: volume per channel, first response time p50/p90, SLA compliance, escalations by
 * reason, moderation actions, private moves, callbacks and accounts nobody answered on. Immutable.
 */
public record DayReport(
        int messages,
        int conversations,
        Map<String, Integer> volumePerChannel,
        Duration firstResponseP50,
        Duration firstResponseP90,
        double slaCompliance,
        Duration slaTarget,
        Map<String, Integer> escalationsByReason,
        int moderationActions,
        int privateMoves,
        int callbacks,
        int repliesSent,
        int repliesHeldOrQueued,
        int repliesFailed,
        List<String> inactiveAccounts,
        List<String> channelPauses,
        int[] inboundPerHour,
        int[] sentPerHour,
        List<Long> firstResponseMinutes,
        Duration wallTime) {

    static DayReport of(CareDesk desk, DayLog log, Duration slaTarget, Duration wallTime) {
        Instant from = CareDaySimulation.OPENING;
        Instant to = from.plus(Duration.ofDays(1));
        List<Conversation> conversations = desk.storage().conversations().openedBetween(from, to);
        List<Long> frt = new ArrayList<>();
        int moderation = 0;
        for (Conversation c : conversations) {
            c.firstResponseAt()
                    .ifPresent(at -> frt.add(Duration.between(c.openedAt(), at).toSeconds()));
            for (Reply r : desk.replies(c.id())) {
                if (r.kind() == ReplyKind.HIDE_COMMENT) {
                    moderation++;
                }
            }
        }
        frt.sort(Long::compare);
        Map<String, Integer> escalations = new TreeMap<>();
        List<AuditEntry> audit = desk.storage().audit().recent(Integer.MAX_VALUE);
        for (AuditEntry e : audit) {
            if (e.action() == AuditAction.ESCALATED || e.action() == AuditAction.ESCALATION_RULE_FIRED) {
                escalations.merge(reason(e.detail()), 1, Integer::sum);
            }
        }
        // the library's own metrics: SLA per priority in business time, inactive accounts with no reply for a day
        MetricsReport metrics = CareMetrics.of(
                        desk.storage().conversations(),
                        desk.slaPolicy(),
                        desk.channels(),
                        desk.teams(),
                        desk.agents(),
                        desk.clock())
                .report(from, to, Duration.ofDays(1));
        Breakdown overall = metrics.overall();
        List<String> inactive = metrics.inactiveAccounts().stream()
                .map(a -> "@" + a.handle() + " (" + a.platform() + ", " + a.channel() + ")")
                .toList();
        Map<String, Integer> volume = new LinkedHashMap<>();
        for (Channel ch : desk.channels()) {
            volume.put(ch.id().value(), log.inboundPerChannel.getOrDefault(ch.id(), 0));
        }
        List<Long> minutes = frt.stream().map(s -> s / 60).toList();
        List<String> pauses = pauses(audit, log);
        int judged = overall.slaMet() + overall.slaMissed();
        return new DayReport(
                log.inbound,
                conversations.size(),
                volume,
                overall.medianFirstResponse().orElse(Duration.ZERO),
                overall.p90FirstResponse().orElse(Duration.ZERO),
                judged == 0 ? 1.0 : (double) overall.slaMet() / judged,
                slaTarget,
                escalations,
                moderation,
                log.privateMoves,
                log.callbacks,
                log.sent,
                log.held,
                log.failed,
                inactive,
                pauses,
                log.inboundPerHour.clone(),
                log.sentPerHour.clone(),
                minutes,
                wallTime);
    }

    /** Each kill-switch pause with its reason, and when and by whom the channel was resumed. */
    private static List<String> pauses(List<AuditEntry> audit, DayLog log) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        List<String> out = new ArrayList<>();
        List<AuditEntry> sorted =
                audit.stream().sorted(Comparator.comparing(AuditEntry::at)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            AuditEntry e = sorted.get(i);
            if (e.action() != AuditAction.CHANNEL_PAUSED || e.channel().isEmpty()) {
                continue;
            }
            ChannelId channel = e.channel().get();
            String resumed = "not resumed";
            for (AuditEntry later : sorted.subList(i + 1, sorted.size())) {
                if (later.action() == AuditAction.CHANNEL_RESUMED
                        && later.channel().equals(e.channel())) {
                    resumed = "resumed " + hhmm.format(later.at()) + " by " + later.actor() + ", "
                            + log.queuedAtResume.getOrDefault(channel, 0) + " queued replies then sent";
                    break;
                }
            }
            out.add(channel.value() + " paused " + hhmm.format(e.at()) + " UTC: " + e.detail() + "; " + resumed);
        }
        return List.copyOf(out);
    }

    /** "rule fraud-report: risk FRAUD (episode 1); ..." -> "rule fraud-report"; a manual escalation keeps its reason. */
    private static String reason(String detail) {
        if (detail.startsWith("formal complaint opened")) {
            return "formal complaint opened";
        }
        if (detail.startsWith("rule ")) {
            int colon = detail.indexOf(':');
            return colon > 0 ? detail.substring(0, colon) : detail;
        }
        return detail.length() > 60 ? detail.substring(0, 60) : detail;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The report as text for the console. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Care day report: %d messages, %d conversations (%.1f s wall time)%n",
                messages,
                conversations,
                wallTime.toMillis() / 1000.0));
        b.append("Volume per channel:\n");
        volumePerChannel.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-20s %6d%n", k, v)));
        b.append(String.format(
                Locale.ROOT,
                "First response time: p50 %s, p90 %s%n",
                minutes(firstResponseP50),
                minutes(firstResponseP90)));
        b.append(String.format(
                Locale.ROOT,
                "SLA compliance (first response in business time, 10/15/30 min by priority): %.1f%%%n",
                slaCompliance * 100));
        b.append("Escalations by reason:").append(escalationsByReason.isEmpty() ? " none\n" : "\n");
        escalationsByReason.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %5d  %s%n", v, k)));
        b.append(String.format(Locale.ROOT, "Moderation actions (comments hidden): %d%n", moderationActions));
        b.append(
                String.format(Locale.ROOT, "Moves to private: %d, callbacks requested: %d%n", privateMoves, callbacks));
        b.append(String.format(
                Locale.ROOT,
                "Replies: %d sent, %d held back (kept queued), %d failed%n",
                repliesSent,
                repliesHeldOrQueued,
                repliesFailed));
        b.append("Channel pauses (kill switch):").append(channelPauses.isEmpty() ? " none\n" : "\n");
        channelPauses.forEach(p -> b.append("  ").append(p).append('\n'));
        b.append("Inactive accounts (no answer today): ")
                .append(inactiveAccounts.isEmpty() ? "none" : String.join(", ", inactiveAccounts))
                .append('\n');
        return b.toString();
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
