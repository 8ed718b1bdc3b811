package org.socialcare.core.domain.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.socialcare.core.domain.Category;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.RiskFlag;
import org.socialcare.core.domain.TeamId;

/**
 * Reads escalation rules files, parsed by hand (no JSON or YAML in core). One rule per line, in order;
 * blank lines and lines starting with {@code #} are ignored:
 *
 * <pre>
 * rule &lt;id&gt; when &lt;condition&gt; [and &lt;condition&gt;]... then &lt;action&gt;[, &lt;action&gt;]...
 *
 * conditions: sla at-risk | sla breached | followers &gt;= N | risk FLAG | sensitive-data-public
 *             | repeat-contact N within 7d | negative-streak N | unanswered 30m | category CATEGORY
 * actions:    priority PRIORITY | raise-priority | team TEAM-ID | supervisor | notify | suggest-private
 *             | hide-comment | open-complaint | require-approval
 * durations:  45s, 30m, 4h, 7d or ISO-8601 (PT1H30M)
 * </pre>
 *
 * Example: {@code rule influencer-complaint when followers >= 10000 and category COMPLAINT then priority URGENT, supervisor, notify}.
 * Errors are {@link EscalationConfigException}s naming the line number and the offending text. Stateless.
 */
public final class EscalationRulesParser {
    private EscalationRulesParser() {}

    static List<EscalationRule> parse(Reader in) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<EscalationRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            EscalationRule rule;
            try {
                rule = parseRule(text);
            } catch (IllegalArgumentException e) {
                throw new EscalationConfigException(
                        "line " + number + ": " + e.getMessage() + " in '" + text + "'", number);
            }
            if (!ids.add(rule.id())) {
                throw new EscalationConfigException(
                        "line " + number + ": rule id '" + rule.id() + "' is used twice", number);
            }
            rules.add(rule);
        }
        return rules;
    }

    static EscalationRule parseRule(String text) {
        String[] words = text.split("\\s+");
        if (words.length < 2 || !words[0].equals("rule")) {
            throw new IllegalArgumentException("a rule starts with 'rule <id> when'");
        }
        String id = words[1];
        String rest = text.substring(text.indexOf(id, 4) + id.length()).strip();
        if (!rest.startsWith("when ")) {
            throw new IllegalArgumentException("expected 'when' after the rule id '" + id + "'");
        }
        int then = rest.indexOf(" then ");
        if (then < 0) {
            throw new IllegalArgumentException("expected ' then <actions>' after the conditions");
        }
        String conditionText = rest.substring("when ".length(), then).strip();
        String actionText = rest.substring(then + " then ".length()).strip();
        List<EscalationCondition> conditions = new ArrayList<>();
        for (String c : conditionText.split("\\s+and\\s+")) {
            conditions.add(condition(c.strip()));
        }
        List<EscalationAction> actions = new ArrayList<>();
        for (String a : actionText.split(",")) {
            actions.add(action(a.strip()));
        }
        EscalationCondition when = conditions.size() == 1 ? conditions.get(0) : new EscalationCondition.All(conditions);
        return new EscalationRule(id, when, actions);
    }

    private static EscalationCondition condition(String text) {
        String[] w = text.split("\\s+");
        switch (w[0]) {
            case "sla" -> {
                expect(w, 2, "sla at-risk | sla breached");
                return switch (w[1]) {
                    case "at-risk" -> EscalationCondition.slaAtRisk();
                    case "breached" -> EscalationCondition.slaBreached();
                    default ->
                        throw new IllegalArgumentException(
                                "unknown SLA state '" + w[1] + "'; write 'sla at-risk' or 'sla breached'");
                };
            }
            case "followers" -> {
                expect(w, 3, "followers >= N");
                if (!w[1].equals(">=")) {
                    throw new IllegalArgumentException("write 'followers >= N' but found '" + text + "'");
                }
                return EscalationCondition.followersAtLeast(number(w[2], "followers"));
            }
            case "risk" -> {
                expect(w, 2, "risk FLAG");
                return EscalationCondition.riskFlag(enumValue(RiskFlag.class, w[1], "risk flag"));
            }
            case "sensitive-data-public" -> {
                expect(w, 1, "sensitive-data-public");
                return EscalationCondition.sensitiveDataInPublic();
            }
            case "repeat-contact" -> {
                expect(w, 4, "repeat-contact N within DURATION");
                if (!w[2].equals("within")) {
                    throw new IllegalArgumentException(
                            "write 'repeat-contact N within DURATION' but found '" + text + "'");
                }
                return EscalationCondition.repeatContact(
                        (int) number(w[1], "repeat-contact count"), Durations.parse(w[3]));
            }
            case "negative-streak" -> {
                expect(w, 2, "negative-streak N");
                return EscalationCondition.negativeStreak((int) number(w[1], "negative-streak"));
            }
            case "unanswered" -> {
                expect(w, 2, "unanswered DURATION");
                return EscalationCondition.unansweredFor(Durations.parse(w[1]));
            }
            case "category" -> {
                expect(w, 2, "category CATEGORY");
                return EscalationCondition.category(enumValue(Category.class, w[1], "category"));
            }
            default ->
                throw new IllegalArgumentException("unknown condition '" + w[0] + "'; known: sla, followers, risk, "
                        + "sensitive-data-public, repeat-contact, negative-streak, unanswered, category");
        }
    }

    private static EscalationAction action(String text) {
        String[] w = text.split("\\s+");
        switch (w[0]) {
            case "priority" -> {
                expect(w, 2, "priority PRIORITY");
                return EscalationAction.raisePriority(enumValue(Priority.class, w[1], "priority"));
            }
            case "raise-priority" -> {
                expect(w, 1, "raise-priority");
                return EscalationAction.raisePriority();
            }
            case "team" -> {
                expect(w, 2, "team TEAM-ID");
                return EscalationAction.reassignToTeam(TeamId.of(w[1]));
            }
            case "supervisor" -> {
                expect(w, 1, "supervisor");
                return EscalationAction.reassignToSupervisor();
            }
            case "notify" -> {
                expect(w, 1, "notify");
                return EscalationAction.notifyPeople();
            }
            case "suggest-private" -> {
                expect(w, 1, "suggest-private");
                return EscalationAction.suggestPrivateWithCallback();
            }
            case "hide-comment" -> {
                expect(w, 1, "hide-comment");
                return EscalationAction.hideComment();
            }
            case "open-complaint" -> {
                expect(w, 1, "open-complaint");
                return EscalationAction.openComplaint();
            }
            case EscalationAction.RequireApproval.NAME -> {
                expect(w, 1, EscalationAction.RequireApproval.NAME);
                return EscalationAction.requireApproval();
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown action '" + w[0] + "'; known: priority, raise-priority, team, "
                                + "supervisor, notify, suggest-private, hide-comment, open-complaint, require-approval");
        }
    }

    private static void expect(String[] words, int count, String form) {
        if (words.length != count) {
            throw new IllegalArgumentException("expected '" + form + "' but found '" + String.join(" ", words) + "'");
        }
    }

    private static long number(String text, String what) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number >= 0 but was '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + text + "'; known: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
