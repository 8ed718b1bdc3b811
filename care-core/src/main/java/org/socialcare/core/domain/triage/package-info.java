/**
 * Rule-based triage of customer messages. {@link org.socialcare.core.domain.triage.Triage} reads one message
 * and returns a {@link org.socialcare.core.domain.triage.TriageResult}: category, sentiment with a score, risk
 * flags, influence tier, detected language, sensitive data findings and a suggested priority. The rules are
 * data: per-language keyword lists ({@link org.socialcare.core.domain.triage.LanguageRules}, shipped for English
 * and Spanish as resource files) and thresholds ({@link org.socialcare.core.domain.triage.TriageConfig}).
 * Matching folds case and accents and respects word boundaries (see
 * {@link org.socialcare.core.domain.text.PhraseSet}). Pure JDK; every type is immutable and thread-safe.
 */
package org.socialcare.core.domain.triage;
