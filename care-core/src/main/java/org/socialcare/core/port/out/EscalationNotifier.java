package org.socialcare.core.port.out;

import org.socialcare.core.domain.EscalationNotice;

/**
 * Tells people outside the desk about something that needs them: an escalated conversation, a channel whose
 * token failed, a suspected account hijack. The bank plugs in its paging, e-mail or CRM here.
 * Called after the change is stored; must not throw for delivery problems (log and retry on your side).
 * Thread-safe.
 */
@FunctionalInterface
public interface EscalationNotifier {
    void notify(EscalationNotice notice);

    /** Does nothing; for desks that only read escalations from the audit log. */
    static EscalationNotifier none() {
        return notice -> {};
    }
}
