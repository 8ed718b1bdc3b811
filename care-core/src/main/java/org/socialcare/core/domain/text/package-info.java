/**
 * Text matching shared by the language policies (triage, moderation, reply compliance): a
 * {@link org.socialcare.core.domain.text.NormalizedText} folds case and accents and splits words, and a
 * {@link org.socialcare.core.domain.text.PhraseSet} finds configured words and multi-word phrases in it on
 * word boundaries. Pure JDK; every type is immutable and thread-safe.
 */
package org.socialcare.core.domain.text;
