package org.socialcare.core.internal;

import java.time.Clock;
import java.util.Random;
import org.socialcare.core.DeskSettings;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.error.UnknownConversationException;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.core.port.out.IdGenerator;
import org.socialcare.core.port.out.TransactionManager;

/**
 * What every service of one desk shares, built once by {@link DeskAssembly}: time, ids, storage (with every port
 * wired), settings, the language policies (with the effective approval gateway), teams and agents, channels and
 * their kill switches, publishers, the notifier, the audit writer, the source of retry jitter and the listeners' events ({@link DeskEvents}). Not API.
 * Immutable; its parts are thread-safe (the {@link Random} is shared, as {@code java.util.Random} allows).
 */
public record DeskContext(
        Clock clock,
        IdGenerator ids,
        CareStorage storage,
        DeskSettings settings,
        MessagePolicies policies,
        Directory directory,
        ChannelRegistry channels,
        ChannelSwitches switches,
        Publishers publishers,
        EscalationNotifier notifier,
        DeskAudit audit,
        Random random,
        DeskEvents events) {

    /** The storage's transaction manager. */
    public TransactionManager tx() {
        return storage.transactions();
    }

    /** @throws UnknownConversationException when the storage has no such conversation */
    public Conversation load(ConversationId id) {
        return storage.conversations()
                .find(Checks.notNull(id, "conversation id"))
                .orElseThrow(() -> new UnknownConversationException(id));
    }
}
