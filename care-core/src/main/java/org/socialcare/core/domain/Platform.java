package org.socialcare.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A social platform a bank talks to customers on. {@link #TWITTER} and {@link #FACEBOOK} ship with the
 * library; an integrator names a custom one (a web chat, e-mail) with {@link #of(String)}.
 *
 * <p>Immutable; equal by name. Names are lower-case letters, digits, '-' or '_'.
 */
public record Platform(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static final Platform TWITTER = new Platform("twitter");
    public static final Platform FACEBOOK = new Platform("facebook");

    public Platform {
        Checks.notNull(name, "platform name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "platform name must match " + NAME.pattern() + " but was '" + name + "'");
        }
    }

    /**
     * The longest public text, in code points, a desk allows on this platform unless told otherwise: a tweet 280,
     * a Facebook comment reply 8,000, a custom platform 2,000.
     */
    public int defaultPublicLength() {
        return equals(TWITTER) ? 280 : equals(FACEBOOK) ? 8_000 : 2_000;
    }

    /** The longest private text by default: a Twitter direct message 10,000, Messenger and others 2,000. */
    public int defaultPrivateLength() {
        return equals(TWITTER) ? 10_000 : 2_000;
    }

    /** The platform with this name; accepts any case. */
    public static Platform of(String name) {
        return new Platform(Checks.notNull(name, "platform name").toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
