/**
 * Running a desk in a plain Java application: {@link org.socialcare.core.runtime.DeskRuntime} owns polling,
 * outbox dispatch, the SLA sweep, routing and escalation-notice delivery on its own threads, stops within a bound
 * ({@link org.socialcare.core.runtime.StopResult}) and reports its health
 * ({@link org.socialcare.core.runtime.RuntimeHealth}).
 */
package org.socialcare.core.runtime;
