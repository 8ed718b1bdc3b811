package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.core.DeskFixture.ANNA;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.RejectedPayload;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.domain.sensitive.SensitiveDataKind;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.domain.triage.TriageResult;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.out.CareStorage;

class AtRestProtectionDeskTest {
    private static final String CARD = "4111 1111 1111 1111";
    private static final String IBAN = "GB82 WEST 1234 5698 7654 32";
    private static final String TEXT = "my card " + CARD + " was charged twice, refund to " + IBAN + " please";

    private final CareStorage storage = InMemoryStorage.create();

    private DeskFixture desk(AtRestProtection protection) {
        return new DeskFixture(b -> b.storage(storage)
                .messagePolicies(MessagePolicies.builder().atRest(protection).build()));
    }

    @Test
    void storedMessageBodyHoldsTheMaskedFormWhileTriageSawTheRawText() {
        DeskFixture f = desk(AtRestProtection.ofDefaults());
        InboundMessage m = f.dm("1", ANNA, TEXT);
        ConversationId id = f.desk.ingest(Batch.of(List.of(m))).touched().get(0);

        StoredMessage stored = storage.messages().find(m.key()).orElseThrow();
        assertThat(stored.text())
                .doesNotContain(CARD)
                .doesNotContain(IBAN)
                .contains("**** **** **** 1111")
                .contains("GB** ");
        TriageResult raw = Triage.ofDefaults().classify(m);
        assertThat(raw.sensitiveData()).isNotEmpty();
        assertThat(f.desk.conversation(id).orElseThrow().riskFlags()).isEqualTo(raw.riskFlags());
        assertThat(f.desk.conversation(id).orElseThrow().priority()).isEqualTo(raw.priority());
    }

    @Test
    void auditDetailsAndDeadLettersHoldOnlyTheMaskedForm() {
        DeskFixture f = desk(AtRestProtection.ofDefaults());
        f.desk.ingest(Batch.of(List.of(f.dm("1", ANNA, TEXT)))
                .withRejected(
                        List.of(new RejectedPayload("twitter:hook", "{\"text\":\"" + TEXT + "\"}", "bad " + CARD))));

        List<AuditEntry> audit = storage.audit().recent(100);
        assertThat(audit).isNotEmpty();
        assertThat(audit)
                .allSatisfy(e -> assertThat(e.detail()).doesNotContain(CARD).doesNotContain(IBAN));
        DeadLetter dead = storage.deadLetters().recent(10).get(0);
        assertThat(dead.rawPayload()).doesNotContain(CARD).doesNotContain(IBAN).contains("**** **** **** 1111");
        assertThat(dead.reason()).isEqualTo("bad **** **** **** 1111");
    }

    @Test
    void vaultKeepsTheRawValueAndTheStoredTextCarriesItsReference() {
        List<String> vaulted = new ArrayList<>();
        DeskFixture f = desk(AtRestProtection.builder()
                .kinds(EnumSet.of(SensitiveDataKind.CARD_NUMBER))
                .vault((kind, raw) -> {
                    vaulted.add(kind + "=" + raw);
                    return Optional.of("ref-" + vaulted.size());
                })
                .build());
        InboundMessage m = f.dm("1", ANNA, TEXT);
        f.desk.ingest(Batch.of(List.of(m)));

        assertThat(vaulted).containsExactly("CARD_NUMBER=" + CARD);
        assertThat(storage.messages().find(m.key()).orElseThrow().text())
                .startsWith("my card **** **** **** 1111 [vault:ref-1] was charged")
                .contains(IBAN); // only the configured kinds are masked
    }

    @Test
    void aVaultReferenceThatCarriesDataIsRefusedWithoutRepeatingIt() {
        AtRestProtection leaky = AtRestProtection.builder()
                .vault((kind, raw) -> Optional.of(raw.replace(" ", "")))
                .build();
        assertThatThrownBy(() -> leaky.protect(TEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SensitiveDataVault")
                .hasMessageNotContaining("4111111111111111");
    }

    @Test
    void protectionIsIdempotentAndLeavesCleanTextAlone() {
        AtRestProtection p = AtRestProtection.ofDefaults();
        String once = p.protect(TEXT);
        assertThat(p.protect(once)).isEqualTo(once);
        assertThat(p.protect("call us on 0345 600 0000")).isEqualTo("call us on 0345 600 0000");
    }

    @Test
    void emptyKindsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> AtRestProtection.builder().kinds(EnumSet.noneOf(SensitiveDataKind.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atRest kinds");
    }
}
