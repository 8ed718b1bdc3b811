package org.socialcare.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.persistence.jdbc.JdbcCareStorage;
import org.socialcare.testkit.MutableClock;
import org.socialcare.testkit.jdbc.CountingDataSource;

/**
 * JDBC statements the desk sends to H2 per ingested message (issue 17), counted by a proxy around the data
 * source: a batch of 100 messages from new customers into the default desk and into the bank's configuration
 * (skills routing, business-hours SLA, escalation rules). Before issue 17's set-based ingest: 7.03 (default)
 * and 12.51 (bank) statements a message; after it 1.08 and 3.61; the bounds hold those.
 */
class IngestStatementCountTest {
    private static final int BATCH = 100;
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");
    private static final String[] TEXTS = {
        "my card was declined again at the supermarket, why?",
        "I've been on hold for 40 minutes, this is the worst bank ever",
        "someone used my card for payments I did not make, I think it is fraud",
        "how do I change the address on my account?",
        "thanks for sorting my mortgage question so quickly!",
    };

    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @ParameterizedTest(name = "{0} desk: at most {1} statements a message")
    @CsvSource({"default, 0.1", "bank, 3.1"}) // bank: escalations also write their durable notice rows
    void ingestOfABatchOfNewCustomersSendsAtMostThisManyStatementsAMessage(String config, double bound) {
        HikariConfig h2 = new HikariConfig();
        h2.setJdbcUrl("jdbc:h2:mem:count-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setMaximumPoolSize(2);
        pool = new HikariDataSource(h2);
        CountingDataSource counting = new CountingDataSource(pool);
        JdbcCareStorage jdbc =
                JdbcCareStorage.builder(counting).createSchema(true).build();
        MutableClock clock = new MutableClock(MONDAY_MORNING);
        CareDesk.Builder builder = CareDesk.builder().clock(clock).storage(jdbc.storage());
        List<ChannelId> channels;
        if (config.equals("bank")) {
            BankSetup bank = new BankSetup();
            builder = bank.configure(builder);
            for (Channel c : bank.channels()) {
                builder.receiveOnly(c.id()); // ingest only: nothing is published
            }
            channels = List.of(BankSetup.TWITTER_CARE, BankSetup.TWITTER_CARDS, BankSetup.TWITTER_BRAND);
        } else {
            builder.team(Team.of("care", "Care"))
                    .channel(Channel.of(
                            "tw", Platform.TWITTER, "Bank", "1", ChannelKind.DEDICATED_CARE, TeamId.of("care")))
                    .receiveOnly(ChannelId.of("tw"));
            channels = List.of(ChannelId.of("tw"));
        }
        CareDesk desk = builder.build();
        desk.ingest(Batch.of(batch(0, channels, clock))); // warm: the first batch of a desk is not the steady state

        counting.reset();
        IngestResult result = desk.ingest(Batch.of(batch(1, channels, clock)));

        assertThat(result.stored()).isEqualTo(BATCH);
        double perMessage = (double) counting.executed() / BATCH;
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, Long> e : counting.executedBySql().entrySet()) {
            detail.append(String.format("%n%6d  %s", e.getValue(), e.getKey()));
        }
        System.out.printf(
                "%s desk: %.2f statements a message (%d executed, %d prepared, %d connections for %d messages)%s%n",
                config, perMessage, counting.executed(), counting.prepared(), counting.connections(), BATCH, detail);
        assertThat(perMessage).as("statements a message, %s desk", config).isLessThanOrEqualTo(bound);
    }

    private static List<InboundMessage> batch(int n, List<ChannelId> channels, MutableClock clock) {
        List<InboundMessage> out = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int id = n * BATCH + i;
            clock.advance(Duration.ofMillis(10));
            out.add(InboundMessage.builder(
                            MessageKey.of(Platform.TWITTER, "m" + id),
                            channels.get(i % channels.size()),
                            Party.of("u" + id, "user" + id))
                    .text(TEXTS[i % TEXTS.length])
                    .createdAt(clock.instant())
                    .build());
        }
        return out;
    }
}
