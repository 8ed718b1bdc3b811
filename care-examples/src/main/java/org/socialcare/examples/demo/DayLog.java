package org.socialcare.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.port.in.DispatchResult;

/** What happened during the simulated day, counted as it happened (hourly volumes for the charts). */
public final class DayLog {
    final Map<ChannelId, Integer> inboundPerChannel =
            new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    final int[] inboundPerHour = new int[16];
    final int[] sentPerHour = new int[16];
    int inbound;
    int sent;
    int held;
    int failed;
    int privateMoves;
    int callbacks;
    int resolved;
    int agentErrors;
    int approvals;
    int complaints;
    String lastAgentError = "";
    final Map<ChannelId, Integer> queuedAtResume =
            new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

    void inbound(SimulatedMessage m, Instant now) {
        inbound++;
        inboundPerChannel.merge(m.channel(), 1, Integer::sum);
        inboundPerHour[hour(now)]++;
    }

    void dispatched(DispatchResult r, Instant now) {
        sent += r.sent();
        held += r.held();
        failed += r.failed();
        sentPerHour[hour(now)] += r.sent();
    }

    void privateMove() {
        privateMoves++;
    }

    void callback() {
        callbacks++;
    }

    void approved() {
        approvals++;
    }

    synchronized String complaintOpened() {
        return "CMP-" + (100000 + ++complaints);
    }

    void channelResumed(ChannelId channel, int queuedReplies) {
        queuedAtResume.merge(channel, queuedReplies, Integer::sum);
    }

    void resolved() {
        resolved++;
    }

    void agentError(CareException e) {
        agentErrors++;
        lastAgentError = e.getMessage();
    }

    private static int hour(Instant now) {
        long h = Duration.between(CareDaySimulation.OPENING, now).toHours();
        return (int) Math.max(0, Math.min(15, h));
    }

    public int inbound() {
        return inbound;
    }

    public int sent() {
        return sent;
    }
}
