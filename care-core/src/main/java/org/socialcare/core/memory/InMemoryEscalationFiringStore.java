package org.socialcare.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.escalation.EscalationFiring;
import org.socialcare.core.port.out.EscalationFiringStore;

/** {@link EscalationFiringStore} in lists per conversation guarded by one monitor. Thread-safe. */
public final class InMemoryEscalationFiringStore implements EscalationFiringStore {
    private final Map<ConversationId, List<EscalationFiring>> byConversation = new HashMap<>();

    @Override
    public synchronized Optional<EscalationFiring> fire(
            ConversationId conversation, String ruleId, Instant at, String reason, List<String> actions) {
        Checks.notNull(conversation, "conversation");
        Checks.notBlank(ruleId, "ruleId");
        List<EscalationFiring> list = byConversation.computeIfAbsent(conversation, k -> new ArrayList<>());
        int episodes = 0;
        for (EscalationFiring f : list) {
            if (f.ruleId().equals(ruleId)) {
                if (f.isOpen()) {
                    return Optional.empty();
                }
                episodes = Math.max(episodes, f.episode());
            }
        }
        EscalationFiring firing =
                new EscalationFiring(conversation, ruleId, episodes + 1, at, reason, actions, Optional.empty());
        list.add(firing);
        return Optional.of(firing);
    }

    @Override
    public synchronized boolean endEpisode(ConversationId conversation, String ruleId, Instant at) {
        List<EscalationFiring> list = byConversation.getOrDefault(conversation, List.of());
        for (int i = 0; i < list.size(); i++) {
            EscalationFiring f = list.get(i);
            if (f.ruleId().equals(ruleId) && f.isOpen()) {
                list.set(i, f.ended(at));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<EscalationFiring> open(ConversationId conversation) {
        return byConversation.getOrDefault(conversation, List.of()).stream()
                .filter(EscalationFiring::isOpen)
                .toList();
    }

    @Override
    public synchronized List<EscalationFiring> history(ConversationId conversation) {
        return List.copyOf(byConversation.getOrDefault(conversation, List.of()));
    }
}
