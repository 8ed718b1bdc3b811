package org.socialcare.core.domain;

/** What an outbox entry asks the platform to do. */
public enum ReplyKind {
    /** Answer in public under the customer's message (tweet reply, comment reply). */
    PUBLIC_REPLY(Visibility.PUBLIC),
    /** A direct / Messenger message to the customer. */
    PRIVATE_MESSAGE(Visibility.PRIVATE),
    /** Facebook's private reply to a public comment (once per comment). */
    PRIVATE_REPLY_TO_COMMENT(Visibility.PRIVATE),
    /** Hide a public comment (moderation). */
    HIDE_COMMENT(Visibility.PUBLIC),
    /** Unhide a comment hidden by mistake. */
    UNHIDE_COMMENT(Visibility.PUBLIC),
    /** Delete one of the bank's own posts. */
    DELETE_OWN_POST(Visibility.PUBLIC);

    private final Visibility visibility;

    ReplyKind(Visibility visibility) {
        this.visibility = visibility;
    }

    public Visibility visibility() {
        return visibility;
    }

    /**
     * Whether a desk assumes this kind is available on {@code platform}: the default answer of
     * {@code ChannelPublisher.supports}, and the answer for a channel without a publisher. Twitter has no private
     * reply to a public message and no comment hiding; Facebook has everything; a custom platform everything except
     * hiding and unhiding comments, which only a publisher that says it can do it offers.
     */
    public boolean assumedAvailableOn(Platform platform) {
        Checks.notNull(platform, "platform");
        if (this == HIDE_COMMENT || this == UNHIDE_COMMENT) {
            return Platform.FACEBOOK.equals(platform);
        }
        return this != PRIVATE_REPLY_TO_COMMENT || !Platform.TWITTER.equals(platform);
    }

    /** True for kinds that carry text to the customer. */
    public boolean carriesText() {
        return this == PUBLIC_REPLY || this == PRIVATE_MESSAGE || this == PRIVATE_REPLY_TO_COMMENT;
    }
}
