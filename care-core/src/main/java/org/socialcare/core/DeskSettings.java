package org.socialcare.core;

import java.time.Duration;
import org.socialcare.core.domain.Checks;

/**
 * Tunables of a {@link CareDesk}. Start from {@link #ofDefaults()} and change what you need with the
 * {@code with*} methods; each validates its value and names it in the error. Immutable.
 *
 * @param reopenWindow a RESOLVED conversation reopens when its customer writes within this time after it was
 *     resolved; later, a new conversation starts. Default 7 days.
 * @param privateJoinWindow a customer's private message joins their public conversation on the same channel
 *     if that conversation saw the customer within this time (the public-to-private move). Default 3 days.
 * @param firstResponseTarget wall-clock response target used when no SLA policy is configured. Default 60 minutes.
 * @param dispatchBatchSize outbox entries taken per dispatch pass. Default 50.
 * @param dispatchLease how long a claimed outbox entry is reserved for one dispatcher. Default 2 minutes.
 * @param maxAttempts attempts before a transiently failing entry is FAILED. Default 8.
 * @param retryBase first retry delay for transient failures; doubles each attempt, with jitter. Default 5 s.
 * @param retryCap longest retry delay. Default 15 minutes.
 * @param publishTimeout the longest one platform call may take; an attempt's lease is this plus
 *     {@code dispatchLease}, so no other desk claims an entry while its publish call runs. Configure the
 *     publishers' HTTP timeouts below it. Default 30 s.
 */
public record DeskSettings(
        Duration reopenWindow,
        Duration privateJoinWindow,
        Duration firstResponseTarget,
        int dispatchBatchSize,
        Duration dispatchLease,
        int maxAttempts,
        Duration retryBase,
        Duration retryCap,
        Duration publishTimeout) {

    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(7);
    public static final Duration DEFAULT_PRIVATE_JOIN_WINDOW = Duration.ofDays(3);
    public static final Duration DEFAULT_FIRST_RESPONSE_TARGET = Duration.ofMinutes(60);
    public static final int DEFAULT_DISPATCH_BATCH_SIZE = 50;
    public static final Duration DEFAULT_DISPATCH_LEASE = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(15);
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    public DeskSettings {
        Checks.positive(reopenWindow, "reopenWindow");
        Checks.positive(privateJoinWindow, "privateJoinWindow");
        Checks.positive(firstResponseTarget, "firstResponseTarget");
        Checks.positive(dispatchBatchSize, "dispatchBatchSize");
        Checks.positive(dispatchLease, "dispatchLease");
        Checks.positive(maxAttempts, "maxAttempts");
        Checks.positive(retryBase, "retryBase");
        Checks.positive(retryCap, "retryCap");
        Checks.positive(publishTimeout, "publishTimeout");
    }

    public static DeskSettings ofDefaults() {
        return new DeskSettings(
                DEFAULT_REOPEN_WINDOW,
                DEFAULT_PRIVATE_JOIN_WINDOW,
                DEFAULT_FIRST_RESPONSE_TARGET,
                DEFAULT_DISPATCH_BATCH_SIZE,
                DEFAULT_DISPATCH_LEASE,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BASE,
                DEFAULT_RETRY_CAP,
                DEFAULT_PUBLISH_TIMEOUT);
    }

    public DeskSettings withReopenWindow(Duration v) {
        return new DeskSettings(
                v,
                privateJoinWindow,
                firstResponseTarget,
                dispatchBatchSize,
                dispatchLease,
                maxAttempts,
                retryBase,
                retryCap,
                publishTimeout);
    }

    public DeskSettings withPrivateJoinWindow(Duration v) {
        return new DeskSettings(
                reopenWindow,
                v,
                firstResponseTarget,
                dispatchBatchSize,
                dispatchLease,
                maxAttempts,
                retryBase,
                retryCap,
                publishTimeout);
    }

    public DeskSettings withFirstResponseTarget(Duration v) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                v,
                dispatchBatchSize,
                dispatchLease,
                maxAttempts,
                retryBase,
                retryCap,
                publishTimeout);
    }

    public DeskSettings withDispatchBatchSize(int v) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                firstResponseTarget,
                v,
                dispatchLease,
                maxAttempts,
                retryBase,
                retryCap,
                publishTimeout);
    }

    public DeskSettings withMaxAttempts(int v) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                firstResponseTarget,
                dispatchBatchSize,
                dispatchLease,
                v,
                retryBase,
                retryCap,
                publishTimeout);
    }

    public DeskSettings withRetry(Duration base, Duration cap) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                firstResponseTarget,
                dispatchBatchSize,
                dispatchLease,
                maxAttempts,
                base,
                cap,
                publishTimeout);
    }

    /** How long a claimed entry is reserved before its attempt starts; checked positive. */
    public DeskSettings withDispatchLease(Duration v) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                firstResponseTarget,
                dispatchBatchSize,
                v,
                maxAttempts,
                retryBase,
                retryCap,
                publishTimeout);
    }

    /** The longest one platform call may take (added to the attempt's lease); checked positive. */
    public DeskSettings withPublishTimeout(Duration v) {
        return new DeskSettings(
                reopenWindow,
                privateJoinWindow,
                firstResponseTarget,
                dispatchBatchSize,
                dispatchLease,
                maxAttempts,
                retryBase,
                retryCap,
                v);
    }
}
