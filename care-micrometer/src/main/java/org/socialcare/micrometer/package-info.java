/**
 * Micrometer meters for a care desk: {@link org.socialcare.micrometer.CareMeterBinder} binds what a care team
 * watches (channel health and kill switch, queue depth per team, SLA met and missed, first response times,
 * held approvals) to any {@code MeterRegistry}, reading only the desk's public read API;
 * {@link org.socialcare.micrometer.CareEventMeters} listens to the desk's events and counts and times them
 * (messages in, first response and handle time, replies published, held and failed, escalations, dead letters,
 * pauses, poll lag, outbox gauges). No Spring needed.
 */
package org.socialcare.micrometer;
