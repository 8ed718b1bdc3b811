package org.socialcare.persistence.jdbc;

import java.util.List;
import java.util.regex.Pattern;

/** The storage's table names under one prefix. Immutable. */
record Tables(String prefix) {
    /** The prefix the migration scripts are written with. */
    static final String DEFAULT_PREFIX = "care_";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    Tables {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "tablePrefix must match " + PREFIX.pattern() + " but was '" + prefix + "'");
        }
    }

    String conversation() {
        return prefix + "conversation";
    }

    String customerLock() {
        return prefix + "customer_lock";
    }

    String message() {
        return prefix + "message";
    }

    String outbox() {
        return prefix + "outbox";
    }

    String audit() {
        return prefix + "audit";
    }

    String auditHead() {
        return prefix + "audit_head";
    }

    String checkpoint() {
        return prefix + "checkpoint";
    }

    String deadLetter() {
        return prefix + "dead_letter";
    }

    String escalationFiring() {
        return prefix + "escalation_firing";
    }

    String approval() {
        return prefix + "approval";
    }

    String channelState() {
        return prefix + "channel_state";
    }

    String notice() {
        return prefix + "notice";
    }

    String schemaVersion() {
        return prefix + "schema_version";
    }

    /** Every table the stores use (the schema version table belongs to the initializer). */
    List<String> all() {
        return List.of(
                conversation(),
                customerLock(),
                message(),
                outbox(),
                audit(),
                auditHead(),
                checkpoint(),
                deadLetter(),
                escalationFiring(),
                approval(),
                channelState(),
                notice());
    }
}
