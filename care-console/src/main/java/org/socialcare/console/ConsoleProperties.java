package org.socialcare.console;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.socialcare.examples.demo.platforms.XApiVersion;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings ({@code console.*}). Immutable.
 *
 * @param speed simulated seconds per real second of the bank's day (the desk's clock runs this much faster)
 * @param messagesPerDay first customer messages in one simulated 12-hour day
 * @param seed the seed of the first simulated day (each next day adds one)
 * @param startAfter how far into the first day the console starts: what customers wrote before is delivered at
 *     startup, so the queues have work at once
 * @param feedEnabled whether customers keep writing (tests turn it off and deliver their own messages)
 * @param tick real time between two feed passes (deliver due messages, poll the emulated platforms)
 * @param xApi the API the emulated Twitter accounts speak, {@code v1.1} (twitter4j) or {@code v2}
 * @param users the people who may log in; demo users only, see the README
 */
@ConfigurationProperties(prefix = "console")
public record ConsoleProperties(
        @DefaultValue("20") double speed,
        @DefaultValue("300") int messagesPerDay,
        @DefaultValue("42") long seed,
        @DefaultValue("90m") Duration startAfter,
        @DefaultValue("true") boolean feedEnabled,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("v1.1") String xApi,
        List<User> users) {

    public ConsoleProperties {
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("console.speed must be in (0, 100000] but was " + speed);
        }
        if (messagesPerDay < 0) {
            throw new IllegalArgumentException(
                    "console.messages-per-day must not be negative but was " + messagesPerDay);
        }
        if (startAfter.isNegative() || startAfter.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException(
                    "console.start-after must be within the 12-hour day but was " + startAfter);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("console.tick must be positive but was " + tick);
        }
        try {
            XApiVersion.parse(xApi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("console.x-api: " + e.getMessage(), e);
        }
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One person who may log in.
     *
     * @param username the login, also the desk's agent id (their actions are audited under it)
     * @param password the password hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$...}
     * @param roles {@code AGENT} and/or {@code SUPERVISOR}
     */
    public record User(String username, String password, Set<String> roles) {
        public User {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("console.users[].username must be set");
            }
            if (password == null || !password.startsWith("{")) {
                throw new IllegalArgumentException("console.users[].password of '" + username
                        + "' must be a hash with its encoder id, e.g. {bcrypt}$2a$10$...");
            }
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            for (String role : roles) {
                if (!role.equals("AGENT") && !role.equals("SUPERVISOR")) {
                    throw new IllegalArgumentException(
                            "console.users[].roles of '" + username + "' may hold AGENT and SUPERVISOR, not " + role);
                }
            }
        }
    }
}
