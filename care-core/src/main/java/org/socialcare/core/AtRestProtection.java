package org.socialcare.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.sensitive.SensitiveFinding;
import org.socialcare.core.port.out.SensitiveDataVault;

/**
 * What the desk masks before it stores any text: message bodies, outbox texts and delivery errors, held
 * approvals, dead-letter payloads and reasons, and audit details all hold the masked form of every finding of
 * the configured kinds ({@link SensitiveDataKind#financial()} by default: card numbers, IBANs, sort code with
 * account). Triage, moderation and compliance still see the raw text in memory before it is stored. Where a
 * {@link SensitiveDataVault} is configured, each raw value goes there and its reference follows the masked form.
 *
 * <p>Immutable and thread-safe. {@link #protect} is idempotent: masked text holds no finding.
 */
public final class AtRestProtection {
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final AtRestProtection DEFAULTS = builder().build();

    private final Set<SensitiveDataKind> kinds;
    private final SensitiveDataDetector detector;
    private final SensitiveDataVault vault;

    private AtRestProtection(Builder b) {
        this.kinds = EnumSet.copyOf(b.kinds);
        this.detector = SensitiveDataDetector.of(kinds);
        this.vault = b.vault;
    }

    /** Masks the financial kinds and keeps no raw value. */
    public static AtRestProtection ofDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The kinds masked at rest. */
    public Set<SensitiveDataKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /**
     * {@code text} as it may be stored: every finding of the configured kinds masked, followed by its vault
     * reference where the vault keeps it.
     *
     * @throws IllegalStateException if the vault returns a reference that is not 1 to 64 characters of
     *     {@code [A-Za-z0-9._:-]} or that itself holds sensitive data (the message does not repeat it)
     */
    public String protect(String text) {
        Checks.notNull(text, "text");
        List<SensitiveFinding> found = detector.find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SensitiveFinding f : found) {
            out.append(text, at, f.start()).append(f.masked());
            vaulted(f.kind(), text.substring(f.start(), f.end()))
                    .ifPresent(ref -> out.append(" [vault:").append(ref).append(']'));
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** {@code text} masked, for an optional text. */
    public Optional<String> protect(Optional<String> text) {
        return text.map(this::protect);
    }

    private Optional<String> vaulted(SensitiveDataKind kind, String raw) {
        Optional<String> ref = Checks.notNull(vault.deposit(kind, raw), "SensitiveDataVault.deposit result");
        ref.ifPresent(r -> {
            if (!REFERENCE.matcher(r).matches()
                    || !SensitiveDataDetector.ofDefaults().find(r).isEmpty()) {
                throw new IllegalStateException("SensitiveDataVault returned a reference for a " + kind
                        + " that is not 1 to 64 characters of [A-Za-z0-9._:-] free of sensitive data (length "
                        + r.length() + ")");
            }
        });
        return ref;
    }

    @Override
    public String toString() {
        return "AtRestProtection[kinds=" + kinds + ", vault=" + vault.getClass().getSimpleName() + "]";
    }

    /** Collects the kinds and the vault. Not thread-safe. */
    public static final class Builder {
        private Set<SensitiveDataKind> kinds = SensitiveDataKind.financial();
        private SensitiveDataVault vault = SensitiveDataVault.maskedOnly();

        private Builder() {}

        /**
         * The kinds masked at rest (default {@link SensitiveDataKind#financial()}).
         *
         * @throws IllegalArgumentException if {@code value} is empty
         */
        public Builder kinds(Set<SensitiveDataKind> value) {
            Checks.notNull(value, "kinds");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("atRest kinds must name at least one SensitiveDataKind");
            }
            this.kinds = EnumSet.copyOf(value);
            return this;
        }

        /** Where raw values go (default {@link SensitiveDataVault#maskedOnly()}: nowhere). */
        public Builder vault(SensitiveDataVault value) {
            this.vault = Checks.notNull(value, "vault");
            return this;
        }

        public AtRestProtection build() {
            return new AtRestProtection(this);
        }
    }
}
