/**
 * Finds sensitive customer data in free text: card numbers (Luhn-checked), IBANs (country length and
 * mod-97 checked), UK sort code with account number, phone numbers and e-mail addresses.
 * {@link org.socialcare.core.domain.sensitive.SensitiveDataDetector} returns
 * {@link org.socialcare.core.domain.sensitive.SensitiveFinding}s that carry positions and a masked form only,
 * never the raw value, and masks whole texts for logs, audit lines and the replay tool. Triage, moderation and
 * reply compliance all use it. Pure JDK; immutable and thread-safe.
 */
package org.socialcare.core.domain.sensitive;
