/**
 * JMH benchmarks of care with same-run baselines: ingest cost per message against the backlog, the escalation
 * sweep against the number of open conversations, and the report that writes {@code docs/benchmarks.md}.
 */
package org.socialcare.benchmarks;
