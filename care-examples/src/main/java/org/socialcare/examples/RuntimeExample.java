package org.socialcare.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Conversation;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.error.CareException;
import org.socialcare.core.runtime.DeskRuntime;
import org.socialcare.core.runtime.StopResult;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.Twitter4jChannelSource;
import org.socialcare.twitter.TwitterAdapterConfig;

/**
 * A desk run by a {@link DeskRuntime} in a plain {@code main}: a Twitter care account (twitter4j against a local
 * emulator), storage on a JDBC URL, and an "agent" that answers every waiting conversation. {@code main} starts the
 * runtime and returns; the runtime's non-daemon threads keep the JVM alive until SIGTERM, when a shutdown hook stops
 * the agent and then the runtime within {@code --stop-bound} seconds (work still in flight is left to the outbox's
 * lease, for the next start or another node).
 *
 * <pre>
 * java -cp ... org.socialcare.examples.RuntimeExample --jdbc-url jdbc:postgresql://127.0.0.1:5432/test \
 *     --user postgres [--password ..] [--stop-bound 10] [--poll-ms 500] [--messages 200] [--day-seconds 10]
 *     [--twitter-url http://127.0.0.1:PORT/ --twitter-account 9000:NorthbankCare
 *      --twitter-consumer KEY:SECRET --twitter-token TOKEN:SECRET]
 * </pre>
 *
 * Without {@code --twitter-url} it starts its own emulator and plays a {@link CompressedDay} of customer mentions
 * into it ({@code --messages}, default 200, over {@code --day-seconds}, default 10).
 */
public final class RuntimeExample {
    static final TeamId TEAM = TeamId.of("care");
    static final Agent AGENT = Agent.of("anna", "Anna Care", "AC", TEAM).withCapacity(100_000);

    private RuntimeExample() {}

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        Duration stopBound = Duration.ofSeconds(Long.parseLong(o.getOrDefault("stop-bound", "10")));
        Duration poll = Duration.ofMillis(Long.parseLong(o.getOrDefault("poll-ms", "500")));

        TwitterApiEmulator ownEmulator = null;
        TwitterAdapterConfig.Builder twitter = TwitterAdapterConfig.builder();
        String[] account =
                o.getOrDefault("twitter-account", "9000:NorthbankCare").split(":", 2);
        if (o.containsKey("twitter-url")) {
            String[] consumer = o.get("twitter-consumer").split(":", 2);
            String[] token = o.get("twitter-token").split(":", 2);
            twitter.accountId(account[0])
                    .screenName(account[1])
                    .consumer(consumer[0], consumer[1])
                    .accessToken(token[0], token[1])
                    .restBaseUrl(o.get("twitter-url"));
        } else {
            ownEmulator = TwitterApiEmulator.builder()
                    .account(Long.parseLong(account[0]), account[1])
                    .start();
            twitter.accountId(account[0])
                    .screenName(account[1])
                    .consumer(ownEmulator.consumerKey(), ownEmulator.consumerSecret())
                    .accessToken(ownEmulator.accessToken(), ownEmulator.accessTokenSecret())
                    .restBaseUrl(ownEmulator.restBaseUrl());
        }
        Channel channel =
                Channel.of("twitter-care", Platform.TWITTER, account[1], account[0], ChannelKind.DEDICATED_CARE, TEAM);
        TwitterAdapterConfig config = twitter.channel(channel.id())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(
                o.getOrDefault("jdbc-url", "jdbc:h2:mem:runtime-example;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64"));
        if (o.containsKey("user")) {
            pool.setUsername(o.get("user"));
        }
        if (o.containsKey("password")) {
            pool.setPassword(o.get("password"));
        }
        pool.setMaximumPoolSize(6);
        HikariDataSource dataSource = new HikariDataSource(pool);
        JdbcCareStorage storage =
                JdbcCareStorage.builder(dataSource).createSchema(true).build();

        CareDesk desk = CareDesk.builder()
                .storage(storage.storage())
                .team(Team.of(TEAM.value(), "Social care"))
                .channel(channel)
                .agent(AGENT)
                .publisher(channel.id(), Twitter4jChannelPublisher.forAccount(config))
                .build();
        DeskRuntime runtime = DeskRuntime.builder(desk)
                .source(Twitter4jChannelSource.mentions(config), poll)
                .dispatchEvery(Duration.ofMillis(200))
                .routeEvery(Duration.ofSeconds(5))
                .stopBound(stopBound)
                .build();
        ScheduledExecutorService agent = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "example-agent");
            t.setDaemon(true);
            return t;
        });
        TwitterApiEmulator emulator = ownEmulator;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.shutdownNow();
                            StopResult stop = runtime.stop(stopBound);
                            System.out.println(
                                    "runtime stopped in " + stop.took().toMillis() + " ms (bound "
                                            + stopBound.toMillis() + " ms), left in flight: " + stop.leftInFlight());
                            System.out.flush();
                            dataSource.close();
                            if (emulator != null) {
                                emulator.close();
                            }
                        },
                        "example-shutdown"));

        runtime.start();
        agent.scheduleWithFixedDelay(() -> answerEverything(desk), 100, 100, TimeUnit.MILLISECONDS);
        if (emulator != null) {
            playTraffic(
                    emulator,
                    Integer.parseInt(o.getOrDefault("messages", "200")),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("day-seconds", "10"))));
        }
        System.out.println("runtime started on " + redactedUrl(pool.getJdbcUrl()) + "; stop with SIGTERM (Ctrl-C)");
        System.out.flush();
        // main returns here: the runtime's non-daemon threads keep the JVM running until SIGTERM
    }

    /** The agent: every conversation waiting in the queue or held without a reply gets one answer. */
    static void answerEverything(CareDesk desk) {
        try {
            Set<Conversation> open = new LinkedHashSet<>(desk.assignedTo(AGENT.id()));
            open.addAll(desk.queue(TEAM, 50));
            for (Conversation c : open) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!desk.replies(c.id()).isEmpty()) {
                    continue;
                }
                if (c.assignee().isEmpty()) {
                    desk.claim(c.id(), AGENT.id());
                }
                // each answer names its customer: a platform refuses the same text twice from one account
                desk.reply(
                        c.id(),
                        AGENT.id(),
                        "Thanks for telling us, @" + c.customer().handle().replaceFirst("^@", "")
                                + ", we are looking into it now ^AC");
            }
        } catch (CareException | IllegalStateException e) {
            System.err.println("agent: " + e.getMessage() + " (tries again)");
            System.err.flush();
        }
    }

    private static void playTraffic(TwitterApiEmulator emulator, int messages, Duration day) {
        CompressedDay traffic = CompressedDay.of(messages, day, 42);
        Thread customers =
                new Thread(() -> traffic.play(emulator, 50_000, new CopyOnWriteArrayList<>()), "example-customers");
        customers.setDaemon(true);
        customers.start();
    }

    private static String redactedUrl(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (!a.startsWith("--") || i + 1 >= list.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'");
            }
            o.put(a.substring(2), list.get(++i));
        }
        return o;
    }
}
