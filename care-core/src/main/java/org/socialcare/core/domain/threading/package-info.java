/**
 * Threading: which conversation a customer's message belongs to (joined, reopened, or a new one), decided by
 * {@link org.socialcare.core.domain.threading.ThreadingPolicy} from narrow lookups, without storage or a desk.
 */
package org.socialcare.core.domain.threading;
