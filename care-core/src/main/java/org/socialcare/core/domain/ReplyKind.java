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

    /** True for kinds that carry text to the customer. */
    public boolean carriesText() {
        return this == PUBLIC_REPLY || this == PRIVATE_MESSAGE || this == PRIVATE_REPLY_TO_COMMENT;
    }
}
