/**
 * Moderation of public comments on the bank's pages.
 * {@link org.socialcare.core.domain.moderation.ModerationPolicy} decides, per comment, to keep it or hide it,
 * with a {@link org.socialcare.core.domain.moderation.ModerationDecision} that gives the reason: abuse (insults,
 * slurs, threats), spam (scam patterns, links to unknown domains in spam) or visible sensitive data (with a
 * suggestion to move the customer to a private channel). Plain criticism is never hidden. The policy is
 * platform-agnostic; the desk applies a HIDE only on platforms it moderates. Pure JDK; immutable and
 * thread-safe.
 */
package org.socialcare.core.domain.moderation;
