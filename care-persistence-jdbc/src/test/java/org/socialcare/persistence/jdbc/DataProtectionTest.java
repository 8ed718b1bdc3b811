package org.socialcare.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.Reply;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.port.out.AuditAnchor;
import org.socialcare.core.port.out.ChannelPublisher;

/**
 * Data protection on a real database: nothing financial at rest after a desk's day, audit anchoring catches a
 * truncated and rewound chain, erasure leaves no identifier of the customer in any table and a verifiable chain,
 * the retention sweep purges only what is due. One subclass per database.
 */
abstract class DataProtectionTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final TeamId TEAM = TeamId.of("care");
    private static final Channel CHANNEL =
            Channel.of("twitter-care", Platform.TWITTER, "BankCare", "9000", ChannelKind.DEDICATED_CARE, TEAM);
    private static final Agent AGENT = Agent.of("alice", "Alice", "AL", TEAM).withCapacity(10_000);
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-bank-key".getBytes(StandardCharsets.UTF_8);
    private static final String[] CARDS = {"4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"};
    private static final String[] IBANS = {"GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"};

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger published = new AtomicInteger();
    private TestDatabase db;
    private DataSource dataSource;

    abstract TestDatabase open();

    @BeforeEach
    void openDatabase() {
        db = open();
        dataSource = db.newDataSource(4);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private JdbcCareStorage storage(Optional<AuditKeyring> keys) {
        JdbcCareStorage.Builder b =
                JdbcCareStorage.builder(dataSource).createSchema(true).clock(clock);
        keys.ifPresent(b::auditKeys);
        return b.build();
    }

    private CareDesk desk(JdbcCareStorage jdbc) {
        AtomicInteger ids = new AtomicInteger();
        return CareDesk.builder()
                .storage(jdbc.storage())
                .clock(clock)
                .ids(() -> "id-" + ids.incrementAndGet())
                .channel(CHANNEL)
                .team(Team.of(TEAM.value(), "Care team"))
                .agent(AGENT)
                .publisher(new ChannelPublisher() {
                    @Override
                    public Platform platform() {
                        return Platform.TWITTER;
                    }

                    @Override
                    public Optional<String> publish(Channel channel, Reply reply) {
                        return Optional.of("90" + published.incrementAndGet());
                    }
                })
                .build();
    }

    private static InboundMessage message(String id, Party from, String text, Visibility v, Instant at) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), CHANNEL.id(), from)
                .text(text)
                .visibility(v)
                .createdAt(at)
                .language("en")
                .build();
    }

    @Test
    void aDeskDayLeavesNoFullCardNumberOrIbanInAnyTable() throws SQLException {
        JdbcCareStorage jdbc = storage(Optional.empty());
        CareDesk desk = desk(jdbc);
        int customers = 200;
        for (int round = 0; round < 5; round++) {
            List<InboundMessage> batch = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                String text =
                        switch ((c + round) % 4) {
                            case 0 -> "my card " + CARDS[c % CARDS.length] + " was charged twice";
                            case 1 -> "please refund to " + IBANS[c % IBANS.length] + " today";
                            case 2 ->
                                "card " + CARDS[(c + 1) % CARDS.length] + " and account " + IBANS[c % IBANS.length];
                            default -> "where is my refund?";
                        };
                batch.add(message(
                        "m" + round + "-" + c,
                        Party.of("u" + c, "cust" + c),
                        text,
                        Visibility.PUBLIC,
                        T0.plusSeconds(round * 600L + c)));
            }
            now.set(T0.plusSeconds(round * 600L + customers));
            desk.ingest(Batch.of(batch)
                    .withRejected(List.of(new RejectedPayload(
                            "twitter:webhook",
                            "{\"text\":\"card " + CARDS[round % CARDS.length] + "\"}",
                            "bad json near " + IBANS[round % IBANS.length]))));
        }
        for (var c : desk.queue(TEAM, 10_000)) {
            desk.claim(c.id(), AGENT.id());
            desk.reply(c.id(), AGENT.id(), "Thanks, we are looking into it ^AL");
        }
        desk.dispatchOutbox();

        assertThat(count(jdbc, "message")).isGreaterThanOrEqualTo(1000);
        List<String> leaks =
                scanAllTables(text -> SensitiveDataDetector.of(SensitiveDataKind.financial()).find(text).stream()
                        .map(f -> f.kind().toString())
                        .toList());
        assertThat(leaks).isEmpty();
        assertThat(jdbc.audit().verify().intact()).isTrue();
    }

    @Test
    void truncatingTheNewestRowsAndRewindingTheHeadIsCaughtByTheKeyAndByTheAnchor() {
        JdbcCareStorage jdbc = storage(Optional.of(AuditKeyring.of("k1", KEY)));
        for (int i = 1; i <= 6; i++) {
            jdbc.storage().audit().append(AuditEntry.of(T0, "system", AuditAction.ROUTED, null, null, "entry " + i));
        }
        List<AuditAnchor> exported = new ArrayList<>();
        AuditAnchor anchor = jdbc.audit().exportAnchor(exported::add);
        assertThat(exported).containsExactly(anchor);
        assertThat(anchor.seq()).isEqualTo(6);
        assertThat(anchor.signature()).isPresent();
        AuditVerification before = jdbc.audit().verify(anchor);
        assertThat(before.intact()).isTrue();
        assertThat(before.guarantees())
                .containsExactlyInAnyOrder(
                        AuditVerification.Guarantee.HASH_CHAIN,
                        AuditVerification.Guarantee.KEYED,
                        AuditVerification.Guarantee.ANCHORED);

        // the attacker deletes rows 5 and 6 and copies row 4's hash into the head
        db.execute(dataSource, "DELETE FROM care_audit WHERE seq > 4");
        db.execute(
                dataSource,
                "UPDATE care_audit_head SET last_seq = 4, last_hash = (SELECT row_hash FROM care_audit"
                        + " WHERE seq = 4) WHERE id = 1");

        AuditVerification keyed = jdbc.audit().verify();
        assertThat(keyed.intact()).isFalse();
        assertThat(keyed.problem().orElseThrow()).contains("head");
        AuditVerification anchored = jdbc.audit().verify(anchor);
        assertThat(anchored.intact()).isFalse();

        // without a key, the plain chain alone cannot tell, the exported anchor can
        JdbcCareStorage unkeyed = storage(Optional.empty());
        db.execute(dataSource, "UPDATE care_audit_head SET head_mac = NULL, key_id = NULL WHERE id = 1");
        assertThat(unkeyed.audit().verify().intact()).isFalse(); // rows 1-4 are keyed: a keyless reader sees that
        AuditVerification rewound = jdbc.audit().verify(anchor);
        assertThat(rewound.intact()).isFalse();
        assertThat(rewound.problem().orElseThrow()).contains("head");
    }

    @Test
    void anAnchorCatchesARewindOfAnUnkeyedChain() {
        JdbcCareStorage jdbc = storage(Optional.empty());
        for (int i = 1; i <= 5; i++) {
            jdbc.storage().audit().append(AuditEntry.of(T0, "system", AuditAction.ROUTED, null, null, "entry " + i));
        }
        AuditAnchor anchor = jdbc.audit().exportAnchor(a -> {});
        assertThat(jdbc.audit().verify(anchor).guarantees())
                .containsExactlyInAnyOrder(
                        AuditVerification.Guarantee.HASH_CHAIN, AuditVerification.Guarantee.ANCHORED);
        db.execute(dataSource, "DELETE FROM care_audit WHERE seq > 3");
        db.execute(
                dataSource,
                "UPDATE care_audit_head SET last_seq = 3, last_hash = (SELECT row_hash FROM care_audit"
                        + " WHERE seq = 3) WHERE id = 1");

        assertThat(jdbc.audit().verify().intact()).isTrue(); // the plain chain is consistent again
        AuditVerification v = jdbc.audit().verify(anchor);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem().orElseThrow()).contains("anchor holds row 5");
    }

    @Test
    void erasureLeavesNoIdentifierOfTheCustomerInAnyTableAndTheChainVerifies() throws SQLException {
        JdbcCareStorage jdbc = storage(Optional.of(AuditKeyring.of("k1", KEY)));
        CareDesk desk = desk(jdbc);
        Party anna = Party.of("7731900042", "anna_kowalska").withDisplayName("Anna Kowalska");
        Party ben = Party.of("5520011873", "ben_whitfield");
        desk.ingest(Batch.of(List.of(
                        message("1", anna, "hi, I am anna_kowalska, card " + CARDS[0], Visibility.PUBLIC, T0),
                        message("2", ben, "hello from ben", Visibility.PUBLIC, T0),
                        message("3", anna, "DM: call me, Anna Kowalska", Visibility.PRIVATE, T0.plusSeconds(5))))
                .withRejected(List.of(new RejectedPayload(
                        "twitter:webhook", "{\"user\":{\"id\":\"7731900042\"}", "truncated payload"))));
        for (var c : desk.queue(TEAM, 10_000)) {
            desk.claim(c.id(), AGENT.id());
            desk.reply(c.id(), AGENT.id(), "We are on it ^AL");
        }
        desk.dispatchOutbox();

        DataProtection.Erasure e = jdbc.dataProtection().eraseCustomer(CHANNEL.id(), "7731900042", "gdpr-req-19");

        assertThat(e.conversations()).isEqualTo(1);
        assertThat(e.messages()).isGreaterThanOrEqualTo(2);
        assertThat(e.deadLetters()).isEqualTo(1);
        List<String> traces = scanAllTables(text -> List.of("7731900042", "anna_kowalska", "Anna Kowalska").stream()
                .filter(text::contains)
                .toList());
        assertThat(traces).isEmpty();
        List<String> others = scanAllTables(text -> text.contains("ben_whitfield") ? List.of("ben") : List.of());
        assertThat(others).isNotEmpty(); // the other customer is untouched
        AuditVerification v = jdbc.audit().verify();
        assertThat(v.intact()).as(v.problem().orElse("")).isTrue();
        assertThat(v.redactedRows()).isEqualTo(e.auditRedacted()).isPositive();
        assertThat(jdbc.storage().audit().recent(1).get(0).action()).isEqualTo(AuditAction.CUSTOMER_ERASED);
    }

    @Test
    void theRetentionSweepPurgesOnlyConversationsClosedBeforeThePeriod() throws SQLException {
        JdbcCareStorage jdbc = storage(Optional.empty());
        CareDesk desk = desk(jdbc);
        ConversationId old = ingestOne(desk, "old", T0);
        ConversationId open = ingestOne(desk, "open", T0);
        finish(desk, old);
        now.set(T0.plus(Duration.ofDays(300)));
        ConversationId recent = ingestOne(desk, "recent", now.get());
        finish(desk, recent);
        now.set(T0.plus(Duration.ofDays(400)));

        DataProtection.Purge p = jdbc.dataProtection().purgeClosed(Duration.ofDays(180), 100);

        assertThat(p.conversations()).isEqualTo(1);
        assertThat(desk.conversation(old)).isEmpty();
        assertThat(desk.messages(old)).isEmpty();
        assertThat(desk.conversation(open)).isPresent();
        assertThat(desk.conversation(recent)).isPresent();
        assertThat(desk.messages(recent)).isNotEmpty();
        assertThat(jdbc.dataProtection().purgeClosed(Duration.ofDays(180), 100).conversations())
                .isZero();
        AuditVerification v = jdbc.audit().verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.redactedRows()).isEqualTo(p.auditRedacted()).isPositive();
    }

    @Test
    void theMaskingJobMasksRowsStoredInClearBeforeTheUpgrade() throws SQLException {
        JdbcCareStorage jdbc = storage(Optional.empty());
        jdbc.storage()
                .messages()
                .insertIfAbsent(new org.socialcare.core.domain.StoredMessage(
                        MessageKey.of(Platform.TWITTER, "legacy"),
                        ConversationId.of("c-legacy"),
                        CHANNEL.id(),
                        org.socialcare.core.domain.Direction.INBOUND,
                        "u1",
                        "h1",
                        "old card " + CARDS[0],
                        Visibility.PRIVATE,
                        Optional.empty(),
                        T0));
        jdbc.storage()
                .deadLetters()
                .put(new org.socialcare.core.domain.DeadLetter(
                        "dl-1", "twitter:webhook", "{\"iban\":\"" + IBANS[1] + "\"}", "bad", T0));

        DataProtection.Masking m =
                jdbc.dataProtection().maskStoredRows(org.socialcare.core.AtRestProtection.ofDefaults());

        assertThat(m.messages()).isEqualTo(1);
        assertThat(m.deadLetters()).isEqualTo(1);
        assertThat(scanAllTables(text -> SensitiveDataDetector.of(SensitiveDataKind.financial()).find(text).stream()
                        .map(f -> f.kind().toString())
                        .toList()))
                .isEmpty();
        assertThat(jdbc.dataProtection().maskStoredRows(org.socialcare.core.AtRestProtection.ofDefaults()))
                .isEqualTo(new DataProtection.Masking(0, 0, 0, 0, 0));
    }

    private ConversationId ingestOne(CareDesk desk, String who, Instant at) {
        return desk.ingest(Batch.of(List.of(
                        message("msg-" + who, Party.of("id-" + who, who), "help " + who, Visibility.PRIVATE, at))))
                .touched()
                .get(0);
    }

    private void finish(CareDesk desk, ConversationId id) {
        desk.claim(id, AGENT.id());
        desk.resolve(id, AGENT.id());
        desk.close(id);
    }

    private int count(JdbcCareStorage jdbc, String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM care_" + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every column of every care table, as text (bytes as UTF-8), through {@code finder}; "table.column: what". */
    private List<String> scanAllTables(java.util.function.Function<String, List<String>> finder) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String table : new Tables(JdbcCareStorage.DEFAULT_TABLE_PREFIX).all()) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            String text = v instanceof byte[] b
                                    ? new String(b, StandardCharsets.UTF_8)
                                    : v == null ? null : String.valueOf(v);
                            if (text != null) {
                                for (String what : finder.apply(text)) {
                                    found.add(table + "." + md.getColumnName(i) + ": " + what);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
