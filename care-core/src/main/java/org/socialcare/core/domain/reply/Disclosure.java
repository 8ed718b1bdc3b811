package org.socialcare.core.domain.reply;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.text.PhraseSet;

/**
 * A text the bank must add to certain replies ("Credit is subject to status. Terms apply."): to replies of
 * the given kinds and, when {@code triggers} is not empty, only to those mentioning one of the trigger phrases
 * (matched like {@link PhraseSet}). Added once, at the end, unless the reply already holds it.
 *
 * <p>Scope: with {@code platforms} and {@code channels} both empty (the default) it applies on every channel;
 * otherwise only on a channel whose platform is in {@code platforms} or whose id is in {@code channels} (so an
 * e-mail footer scoped {@code onPlatforms(email)} never lands in a Twitter DM). Immutable.
 */
public record Disclosure(
        String id,
        Set<ReplyKind> kinds,
        PhraseSet triggers,
        String text,
        Set<Platform> platforms,
        Set<ChannelId> channels) {
    public Disclosure {
        Checks.notBlank(id, "id");
        Checks.notNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("disclosure '" + id + "' must apply to at least one ReplyKind");
        }
        kinds = Set.copyOf(kinds);
        Checks.notNull(triggers, "triggers");
        Checks.notBlank(text, "text");
        platforms = Set.copyOf(Checks.notNull(platforms, "platforms"));
        channels = Set.copyOf(Checks.notNull(channels, "channels"));
    }

    /** A disclosure on every channel. */
    public Disclosure(String id, Set<ReplyKind> kinds, PhraseSet triggers, String text) {
        this(id, kinds, triggers, text, Set.of(), Set.of());
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

    /**
     * This disclosure on channels of these platforms too (added to any already named; with no channels named, only
     * on these platforms).
     *
     * @throws IllegalArgumentException when no platform is given
     */
    public Disclosure onPlatforms(Platform... values) {
        Set<Platform> more = new LinkedHashSet<>(platforms);
        for (Platform p : nonEmpty(values, "platforms")) {
            more.add(Checks.notNull(p, "platform"));
        }
        return new Disclosure(id, kinds, triggers, text, more, channels);
    }

    /**
     * This disclosure on these channels too (added to any already named; with no platforms named, only on these
     * channels).
     *
     * @throws IllegalArgumentException when no channel is given
     */
    public Disclosure onChannels(ChannelId... values) {
        Set<ChannelId> more = new LinkedHashSet<>(channels);
        for (ChannelId c : nonEmpty(values, "channels")) {
            more.add(Checks.notNull(c, "channel"));
        }
        return new Disclosure(id, kinds, triggers, text, platforms, more);
    }

    /** Whether this disclosure applies to a reply of {@code kind} on {@code channel} (triggers aside). */
    public boolean appliesTo(Channel channel, ReplyKind kind) {
        Checks.notNull(channel, "channel");
        if (!kinds.contains(Checks.notNull(kind, "kind"))) {
            return false;
        }
        return (platforms.isEmpty() && channels.isEmpty())
                || platforms.contains(channel.platform())
                || channels.contains(channel.id());
    }

    private <T> T[] nonEmpty(T[] values, String name) {
        Checks.notNull(values, name);
        if (values.length == 0) {
            throw new IllegalArgumentException("disclosure '" + id + "': " + name + " must name at least one");
        }
        return values;
    }
}
