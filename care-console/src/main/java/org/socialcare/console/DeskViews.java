package org.socialcare.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeliveryStatus;
import org.socialcare.core.domain.Direction;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.domain.reply.TemplateContext;
import org.socialcare.core.domain.sla.SlaStatus;
import org.socialcare.core.domain.triage.InfluenceThresholds;
import org.springframework.stereotype.Component;

/**
 * Reads the desk and shapes what the pages show: only what the desk stores (texts are masked at rest, so card
 * numbers and other sensitive data reach a page masked), times on the desk's simulated clock. Thread-safe.
 */
@Component
public class DeskViews {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Messenger lets a page answer a person's message for 24 hours. */
    static final Duration MESSENGER_WINDOW = Duration.ofHours(24);

    private final CareDesk desk;
    private final MessagePolicies policies;
    private final InfluenceThresholds influence = InfluenceThresholds.ofDefaults();

    public DeskViews(CareDesk desk, MessagePolicies policies) {
        this.desk = desk;
        this.policies = policies;
    }

    /** One conversation in a list. */
    public record Row(
            int position,
            String id,
            String channel,
            String platform,
            String customer,
            String priority,
            String category,
            List<String> riskFlags,
            String state,
            String waiting,
            String sla,
            String slaText,
            String assignee) {}

    /** One line of a conversation's timeline: a customer message, or what the bank sent or holds. */
    public record Item(String time, String who, boolean fromCustomer, String visibility, String text, String status) {}

    /** A template an agent may send, with its text filled for this conversation. */
    public record Template(String key, String preview) {}

    /** The conversation page. */
    public record Detail(
            Row row,
            String customerHandle,
            long followers,
            boolean verified,
            String influence,
            String language,
            List<Item> timeline,
            List<String> escalations,
            boolean mine,
            boolean active,
            String platform,
            boolean facebook,
            boolean latestPublic,
            int publicMax,
            int privateMax,
            String platformRule,
            List<Template> templates,
            int held) {}

    public Instant now() {
        return desk.clock().instant();
    }

    public String time(Instant at) {
        return TIME.format(at);
    }

    /** The team's queue as the desk orders it (priority, then longest waiting). */
    public List<Row> queue(TeamId team, int limit) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Conversation c : desk.queue(team, limit)) {
            rows.add(row(++i, c));
        }
        return rows;
    }

    public List<Row> assignedTo(AgentId agent) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Conversation c : desk.assignedTo(agent)) {
            rows.add(row(++i, c));
        }
        return rows;
    }

    Row row(int position, Conversation c) {
        Instant now = now();
        Channel channel = desk.channel(c.channel());
        SlaStatus sla = c.state().isActive() ? desk.slaStatus(c.id()) : SlaStatus.ON_TRACK;
        String slaText = !c.state().isActive()
                ? "closed"
                : desk.slaPolicy()
                        .clocks(c)
                        .response()
                        .map(clock -> clock.dueAt().isAfter(now)
                                ? "response due in " + minutes(Duration.between(now, clock.dueAt()))
                                : "response " + minutes(Duration.between(clock.dueAt(), now)) + " late")
                        .orElse(c.awaitingResponseSince().isPresent() ? "no response target" : "answered");
        return new Row(
                position,
                c.id().value(),
                "@" + channel.handle() + " (" + channel.id().value() + ")",
                channel.platform().name(),
                c.customer().displayName().orElse("@" + c.customer().handle()),
                c.priority().name(),
                c.category().name(),
                c.riskFlags().stream().map(Enum::name).sorted().toList(),
                c.state().name(),
                c.awaitingResponseSince()
                        .map(since -> minutes(Duration.between(since, now)))
                        .orElse("-"),
                sla.name(),
                slaText,
                c.assignee().map(a -> agentName(a)).orElse("queue"));
    }

    public String agentName(AgentId id) {
        return desk.agent(id)
                .map(a -> a.displayName() + " (" + a.initials() + ")")
                .orElse(id.value());
    }

    static String minutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return m < 60 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }

    public Optional<Detail> detail(ConversationId id, AgentId viewer) {
        Optional<Conversation> found = desk.conversation(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Conversation c = found.get();
        Channel channel = desk.channel(c.channel());
        Agent agent = desk.agent(viewer).orElseThrow();
        List<StoredMessage> messages = desk.messages(id);
        List<ApprovalRequest> held = desk.pendingApprovals().stream()
                .filter(r -> r.reply().conversation().equals(id))
                .toList();
        String customerName = c.customer().displayName().orElse("customer");
        List<Item> timeline = timeline(messages, desk.replies(id), held, customerName);
        List<String> escalations = desk.escalations(id).stream()
                .map(f -> time(f.firedAt()) + " " + f.ruleId() + " (episode " + f.episode() + "): " + f.reason()
                        + " -> " + String.join(", ", f.actions()) + (f.isOpen() ? ", open" : ", ended"))
                .toList();
        Platform platform = channel.platform();
        Optional<StoredMessage> latestInbound = messages.stream()
                .filter(m -> m.direction() == Direction.INBOUND)
                .reduce((a, b) -> b);
        boolean latestPublic =
                latestInbound.map(m -> m.visibility() == Visibility.PUBLIC).orElse(true);
        String rule;
        if (platform.equals(Platform.FACEBOOK)) {
            Optional<Instant> lastPrivate = messages.stream()
                    .filter(m -> m.direction() == Direction.INBOUND && m.visibility() == Visibility.PRIVATE)
                    .map(StoredMessage::createdAt)
                    .reduce((a, b) -> b);
            rule = lastPrivate
                    .map(t -> {
                        Instant closes = t.plus(MESSENGER_WINDOW);
                        return closes.isAfter(now())
                                ? "Messenger window open until " + time(closes) + " (24 hours after the customer's"
                                        + " last message)"
                                : "Messenger window closed at " + time(closes) + ": the page may not message first";
                    })
                    .orElse("No Messenger conversation yet: answer the comment in public or with one private reply"
                            + " to the comment");
        } else {
            rule = "Tweets count up to 280 weighted characters (links 23, most emoji and CJK 2); direct messages"
                    + " 10,000";
        }
        List<Template> templates = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(policies.composer().templateKeys())) {
            String preview;
            try {
                preview = policies.composer()
                        .compose(key, new TemplateContext(c.customer(), agent, c.language(), java.util.Map.of()));
            } catch (IllegalArgumentException e) {
                continue; // a template needing values the console does not ask for
            }
            templates.add(new Template(key, preview));
        }
        return Optional.of(new Detail(
                row(0, c),
                c.customer().handle().isBlank()
                        ? "no public handle"
                        : "@" + c.customer().handle(),
                c.customer().followerCount(),
                c.customer().verified(),
                influence.tierOf(c.customer().followerCount()).name(),
                c.language().orElse("unknown"),
                timeline,
                escalations,
                c.isAssignedTo(viewer),
                c.state().isActive(),
                platform.name(),
                platform.equals(Platform.FACEBOOK),
                latestPublic,
                policies.textLimits(platform).maxLength(ReplyKind.PUBLIC_REPLY),
                policies.textLimits(platform).maxLength(ReplyKind.PRIVATE_MESSAGE),
                rule,
                templates,
                held.size()));
    }

    private List<Item> timeline(
            List<StoredMessage> messages, List<Reply> replies, List<ApprovalRequest> held, String customerName) {
        record Timed(Instant at, Item item) {}
        List<Timed> all = new ArrayList<>();
        java.util.Set<String> published = new java.util.HashSet<>();
        for (Reply r : replies) {
            if (!r.kind().carriesText()) {
                all.add(new Timed(
                        r.createdAt(),
                        new Item(
                                time(r.createdAt()), "desk", false, r.kind().name(), "(" + r.kind() + ")", status(r))));
                continue;
            }
            r.platformMessageId().ifPresent(published::add);
            all.add(new Timed(
                    r.createdAt(),
                    new Item(
                            time(r.createdAt()),
                            r.author().map(this::agentName).orElse("desk"),
                            false,
                            r.visibility().name(),
                            r.text(),
                            status(r))));
        }
        for (ApprovalRequest h : held) {
            Reply r = h.reply();
            all.add(new Timed(
                    r.createdAt(),
                    new Item(
                            time(r.createdAt()),
                            r.author().map(this::agentName).orElse("desk"),
                            false,
                            r.visibility().name(),
                            r.text(),
                            "held for a supervisor's approval: " + String.join("; ", h.reasons()))));
        }
        for (StoredMessage m : messages) {
            if (m.direction() == Direction.OUTBOUND
                    && published.contains(m.key().messageId())) {
                continue; // the bank's own reply, already shown from the outbox
            }
            boolean customer = m.direction() == Direction.INBOUND;
            all.add(new Timed(
                    m.createdAt(),
                    new Item(
                            time(m.createdAt()),
                            customer
                                    ? (m.authorHandle().isBlank() ? customerName : "@" + m.authorHandle())
                                    : "bank (@" + m.authorHandle() + ")",
                            customer,
                            m.visibility().name(),
                            m.text(),
                            customer ? "received" : "published")));
        }
        all.sort(Comparator.comparing(Timed::at));
        return all.stream().map(Timed::item).toList();
    }

    private String status(Reply r) {
        DeliveryStatus s = r.status();
        if (s instanceof DeliveryStatus.Sent sent) {
            return "sent " + time(sent.sentAt());
        }
        if (s instanceof DeliveryStatus.Failed failed) {
            return "failed: " + failed.reason();
        }
        DeliveryStatus.Queued q = (DeliveryStatus.Queued) s;
        if (!desk.channel(r.channel()).isActive()) {
            return "queued: the channel is paused, nothing is published until a supervisor resumes it";
        }
        return "queued" + (q.attempts() > 0 ? ", attempt " + (q.attempts() + 1) : "")
                + q.lastError().map(e -> ", last error: " + e).orElse("");
    }
}
