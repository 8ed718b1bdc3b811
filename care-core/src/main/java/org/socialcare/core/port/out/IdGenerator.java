package org.socialcare.core.port.out;

import java.util.UUID;

/** Makes new unique ids for conversations, replies and dead letters. Thread-safe. */
@FunctionalInterface
public interface IdGenerator {
    /** A new id, unique across every desk sharing a store. */
    String newId();

    /** Random UUIDs. */
    static IdGenerator uuids() {
        return () -> UUID.randomUUID().toString();
    }
}
