package org.socialcare.core.domain;

/** Whether an agent can take work now. Only ONLINE agents get new assignments. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE
}
