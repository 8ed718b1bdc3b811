/**
 * What the desk runtime and the polling scheduler share, not API: the fair per-source polling queue
 * ({@link org.socialcare.core.internal.runtime.SourcePoller}) and failures made safe to log
 * ({@link org.socialcare.core.internal.runtime.MaskedFailure}).
 */
package org.socialcare.core.internal.runtime;
