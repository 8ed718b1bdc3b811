/**
 * The ports adapters implement: storage ({@link org.socialcare.core.port.out.CareStorage} and its stores),
 * platform sources, webhooks and publishers, and the bank's own systems (notifier, callbacks). Each has an
 * in-memory implementation in {@code org.socialcare.core.memory} and a contract test in care-testkit.
 */
package org.socialcare.core.port.out;
