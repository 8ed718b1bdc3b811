package org.socialcare.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.moderation.ModerationPolicy;
import org.socialcare.core.domain.reply.CompliancePolicy;
import org.socialcare.core.domain.reply.ReplyComposer;
import org.socialcare.core.domain.triage.MessageClassifier;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.core.port.out.TextLimits;

/**
 * The language policies a {@link CareDesk} applies to what customers write and what agents answer: triage of
 * every inbound message, moderation of public comments, the reply composer, compliance checks with text limits
 * per platform, and four-eyes approval. Set with {@code CareDesk.builder().messagePolicies(...)}.
 *
 * <p>{@link #ofDefaults()}: {@link Triage#ofDefaults()}, {@link ModerationPolicy#ofDefaults()} applied on
 * Facebook only, {@link ReplyComposer#ofDefaults()}, {@link CompliancePolicy#ofDefaults()},
 * {@link TextLimits#defaultsFor} each platform, and no approval gateway of its own: a desk then holds replies in
 * its storage's ({@code CareStorage.approvals()}); used alone, {@link #approvals()} is a new
 * {@link InMemoryApprovalGateway}.
 *
 * <p>Why moderation is per platform and not a flag on {@code Channel}: the policy decides the same way
 * everywhere, but only a platform whose publisher can carry out HIDE_COMMENT should get one. Facebook pages
 * can hide comments (restfb); the Twitter adapter's API v1.1 cannot hide replies, so the default moderates
 * Facebook only. A bank with another moderating adapter adds its platform with {@link Builder#moderatedPlatforms}.
 *
 * <p>Immutable and thread-safe (an approval gateway set with {@link Builder#approvals} is shared by every desk built
 * with the same instance and overrides the storage's).
 */
public final class MessagePolicies {
    private final Triage triage;
    private final MessageClassifier classifier;
    private final ModerationPolicy moderation;
    private final Set<Platform> moderatedPlatforms;
    private final ReplyComposer composer;
    private final CompliancePolicy compliance;
    private final ApprovalGateway approvals;
    private final Map<Platform, TextLimits> textLimits;
    private final boolean approvalsConfigured;
    private final AtRestProtection atRest;

    private MessagePolicies(Builder b) {
        triage = b.triage;
        classifier = b.classifier != null ? b.classifier : b.triage;
        moderation = b.moderation;
        moderatedPlatforms = Set.copyOf(b.moderatedPlatforms);
        composer = b.composer;
        compliance = b.compliance;
        approvals = b.approvals != null ? b.approvals : new InMemoryApprovalGateway();
        approvalsConfigured = b.approvals != null;
        textLimits = Map.copyOf(b.textLimits);
        atRest = b.atRest;
    }

    private MessagePolicies(MessagePolicies base, ApprovalGateway approvals) {
        triage = base.triage;
        classifier = base.classifier;
        moderation = base.moderation;
        moderatedPlatforms = base.moderatedPlatforms;
        composer = base.composer;
        compliance = base.compliance;
        this.approvals = approvals;
        approvalsConfigured = false;
        textLimits = base.textLimits;
        atRest = base.atRest;
    }

    /**
     * These policies with {@code storageApprovals} as the approval gateway, unless one was set with
     * {@link Builder#approvals}: a desk calls it with its storage's gateway, so held replies live where the rest of
     * its data does while an explicit gateway still wins.
     */
    public MessagePolicies withStorageApprovals(ApprovalGateway storageApprovals) {
        Checks.notNull(storageApprovals, "storageApprovals");
        return approvalsConfigured ? this : new MessagePolicies(this, storageApprovals);
    }

    /** Whether the approval gateway was set explicitly with {@link Builder#approvals}. */
    public boolean approvalsConfigured() {
        return approvalsConfigured;
    }

    /** The defaults described above, with a fresh in-memory approval gateway. */
    public static MessagePolicies ofDefaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rule-based triage: the classifier unless another was set, and the source of the sensitive data detector. */
    public Triage triage() {
        return triage;
    }

    /** What classifies each customer message: {@link #triage()} unless {@link Builder#classifier} set another. */
    public MessageClassifier classifier() {
        return classifier;
    }

    public ModerationPolicy moderation() {
        return moderation;
    }

    /** Platforms on which the desk hides comments the moderation policy rejects. */
    public Set<Platform> moderatedPlatforms() {
        return moderatedPlatforms;
    }

    public ReplyComposer composer() {
        return composer;
    }

    public CompliancePolicy compliance() {
        return compliance;
    }

    /** What the desk masks before storing any text ({@link AtRestProtection#ofDefaults()} unless set). */
    public AtRestProtection atRest() {
        return atRest;
    }

    public ApprovalGateway approvals() {
        return approvals;
    }

    /** The configured text limits of {@code platform}, else {@link TextLimits#defaultsFor}. */
    public TextLimits textLimits(Platform platform) {
        TextLimits limits = textLimits.get(Checks.notNull(platform, "platform"));
        return limits != null ? limits : TextLimits.defaultsFor(platform);
    }

    @Override
    public String toString() {
        return "MessagePolicies[" + triage + ", " + moderation + " on " + moderatedPlatforms + ", " + composer + ", "
                + compliance + "]";
    }

    /** Builds {@link MessagePolicies} from the defaults. Not thread-safe. */
    public static final class Builder {
        private Triage triage = Triage.ofDefaults();
        private MessageClassifier classifier;
        private ModerationPolicy moderation = ModerationPolicy.ofDefaults();
        private Set<Platform> moderatedPlatforms = ModerationPolicy.DEFAULT_PLATFORMS;
        private ReplyComposer composer = ReplyComposer.ofDefaults();
        private CompliancePolicy compliance = CompliancePolicy.ofDefaults();
        private ApprovalGateway approvals;
        private final Map<Platform, TextLimits> textLimits = new HashMap<>();
        private AtRestProtection atRest = AtRestProtection.ofDefaults();

        private Builder() {}

        /** The rule-based triage (its rules and sensitive data detector); also the classifier unless one is set. */
        public Builder triage(Triage value) {
            triage = Checks.notNull(value, "triage");
            return this;
        }

        /** A bank's own classifier instead of the rule-based triage (see {@link MessageClassifier}). */
        public Builder classifier(MessageClassifier value) {
            classifier = Checks.notNull(value, "classifier");
            return this;
        }

        public Builder moderation(ModerationPolicy value) {
            moderation = Checks.notNull(value, "moderation");
            return this;
        }

        /** Platforms whose public comments are hidden when moderation says so; may be empty to never hide. */
        public Builder moderatedPlatforms(Set<Platform> platforms) {
            moderatedPlatforms = Set.copyOf(Checks.notNull(platforms, "moderatedPlatforms"));
            return this;
        }

        public Builder composer(ReplyComposer value) {
            composer = Checks.notNull(value, "composer");
            return this;
        }

        public Builder compliance(CompliancePolicy value) {
            compliance = Checks.notNull(value, "compliance");
            return this;
        }

        public Builder approvals(ApprovalGateway value) {
            approvals = Checks.notNull(value, "approvals");
            return this;
        }

        /** The text limits of {@code value.platform()}, replacing the default for it. */
        public Builder textLimits(TextLimits value) {
            Checks.notNull(value, "textLimits");
            textLimits.put(value.platform(), value);
            return this;
        }

        /** What is masked before anything is stored, and where raw values go (default: financial kinds, no vault). */
        public Builder atRest(AtRestProtection value) {
            atRest = Checks.notNull(value, "atRest");
            return this;
        }

        public MessagePolicies build() {
            return new MessagePolicies(this);
        }
    }
}
