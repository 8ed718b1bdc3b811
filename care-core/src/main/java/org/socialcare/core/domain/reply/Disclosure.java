package org.socialcare.core.domain.reply;

import java.util.EnumSet;
import java.util.Set;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.text.PhraseSet;

/**
 * A text the bank must add to certain replies ("Credit is subject to status. Terms apply."): to replies of
 * the given kinds and, when {@code triggers} is not empty, only to those mentioning one of the trigger phrases
 * (matched like {@link PhraseSet}). Added once, at the end, unless the reply already holds it. Immutable.
 */
public record Disclosure(String id, Set<ReplyKind> kinds, PhraseSet triggers, String text) {
    public Disclosure {
        Checks.notBlank(id, "id");
        Checks.notNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("disclosure '" + id + "' must apply to at least one ReplyKind");
        }
        kinds = Set.copyOf(kinds);
        Checks.notNull(triggers, "triggers");
        Checks.notBlank(text, "text");
    }

    /** A disclosure added to every reply of {@code kinds}. */
    public static Disclosure always(String id, Set<ReplyKind> kinds, String text) {
        return new Disclosure(id, kinds, PhraseSet.empty(), text);
    }

    /** A disclosure added to text replies (public and private) that mention one of {@code triggers}. */
    public static Disclosure whenMentioned(String id, String text, String... triggers) {
        return new Disclosure(
                id,
                EnumSet.of(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE, ReplyKind.PRIVATE_REPLY_TO_COMMENT),
                PhraseSet.of(triggers),
                text);
    }
}
