package org.socialcare.core.domain;

/** Whether a channel may publish. PAUSED is the kill switch: nothing leaves, the outbox holds every entry. */
public enum ChannelState {
    ACTIVE,
    PAUSED
}
