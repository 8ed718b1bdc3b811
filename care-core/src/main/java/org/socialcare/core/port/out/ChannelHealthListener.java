package org.socialcare.core.port.out;

import org.socialcare.core.domain.ChannelHealth;

/**
 * Told about every change of a channel's health state (HEALTHY, DEGRADED, AUTH_FAILED, PAUSED), so that no
 * channel fails silently. Called on the thread that saw the change; must not block for long or throw.
 */
@FunctionalInterface
public interface ChannelHealthListener {
    void onChange(ChannelHealth previous, ChannelHealth current);
}
