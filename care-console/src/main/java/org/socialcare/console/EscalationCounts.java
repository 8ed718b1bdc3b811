package org.socialcare.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.port.out.EscalationFiringStore;

/**
 * The desk's escalation firing store (the database's), counting the episodes this node fired by rule since it
 * started, for the supervisors' metrics. The counts are this node's only (a cluster would sum them or query the
 * store). Thread-safe.
 */
public final class EscalationCounts implements EscalationFiringStore {
    private final EscalationFiringStore store;
    private final Map<String, AtomicInteger> byRule = new ConcurrentHashMap<>();

    public EscalationCounts(EscalationFiringStore store) {
        this.store = store;
    }

    @Override
    public Optional<EscalationFiring> fire(
            ConversationId conversation, String ruleId, Instant at, String reason, List<String> actions) {
        Optional<EscalationFiring> fired = store.fire(conversation, ruleId, at, reason, actions);
        fired.ifPresent(f ->
                byRule.computeIfAbsent(f.ruleId(), k -> new AtomicInteger()).incrementAndGet());
        return fired;
    }

    @Override
    public boolean endEpisode(ConversationId conversation, String ruleId, Instant at) {
        return store.endEpisode(conversation, ruleId, at);
    }

    @Override
    public List<EscalationFiring> open(ConversationId conversation) {
        return store.open(conversation);
    }

    @Override
    public List<EscalationFiring> history(ConversationId conversation) {
        return store.history(conversation);
    }

    /** Episodes fired by this node since it started, by rule id (sorted). */
    public Map<String, Integer> byRule() {
        Map<String, Integer> out = new TreeMap<>();
        byRule.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
