/**
 * Micrometer meters for a care desk: {@link org.socialcare.micrometer.CareMeterBinder} binds what a care team
 * watches (channel health and kill switch, queue depth per team, SLA met and missed, first response times,
 * held approvals) to any {@code MeterRegistry}, reading only the desk's public read API. No Spring needed.
 */
package org.socialcare.micrometer;
