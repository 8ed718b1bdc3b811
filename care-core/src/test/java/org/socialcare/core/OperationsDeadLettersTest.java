package org.socialcare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ConversationId;
import org.socialcare.core.domain.DeadLetter;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.StoredMessage;
import org.socialcare.core.error.CareException;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.core.port.in.IngestResult;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.PayloadReader;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * An operator lists the dead letters a webhook left, pages through them, and has one read again once the adapter
 * reads the payload's new format: the messages are ingested once, the dead letter leaves the list, and it is audited.
 */
class OperationsDeadLettersTest {
    private final CareStorage storage = InMemoryStorage.create();
    private final DeskFixture f = new DeskFixture(b -> b.storage(storage));
    private final CareDesk desk = f.desk;
    /** The adapter before its fix: it reads "v1" bodies only and refuses the platform's new "v2" format. */
    private final WebhookHandler oldAdapter = new LineFormatHandler(false);
    /** The adapter after its fix, as a payload reader: it reads "v2" bodies. */
    private final PayloadReader fixedReader = new LineFormatReader(true);

    @Test
    void openDeadLettersArePagedInTheOrderTheyWereKept() {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            post("v2|" + (100 + i) + "|200" + i + "|cust" + i + "|twitter-care|my transfer " + i + " is missing");
            kept.add(desk.operations().deadLetters(Optional.empty(), 500).get(i).id());
            f.advance(Duration.ofMinutes(1));
        }

        List<DeadLetter> first = desk.operations().deadLetters(Optional.empty(), 2);
        List<DeadLetter> second =
                desk.operations().deadLetters(Optional.of(first.get(1).id()), 2);
        List<DeadLetter> third =
                desk.operations().deadLetters(Optional.of(second.get(1).id()), 2);

        List<String> seen = new ArrayList<>();
        List.of(first, second, third).forEach(page -> page.forEach(d -> seen.add(d.id())));
        assertThat(seen).containsExactlyElementsOf(kept);
        assertThat(third).hasSize(1);
        assertThat(first.get(0).source()).isEqualTo("webhook:twitter");
        assertThatThrownBy(() -> desk.operations().deadLetters(Optional.empty(), 501))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be 1 to 500");
    }

    @Test
    void aReprocessedDeadLetterIsIngestedOnceLeavesTheListAndIsAuditedUnderTheOperator() {
        WebhookResult refused = post("v2|101|2001|cust1|twitter-care|my transfer is missing");
        assertThat(refused.status()).isEqualTo(400);
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);

        IngestResult result = desk.operations().reprocessDeadLetter(letter.id(), fixedReader, "kim");

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.opened()).isEqualTo(1);
        ConversationId conversation = result.touched().get(0);
        assertThat(desk.messages(conversation))
                .extracting(StoredMessage::text)
                .containsExactly("my transfer is missing");
        assertThat(desk.operations().deadLetters(Optional.empty(), 10)).isEmpty();
        List<AuditEntry> audited = storage.audit().recent(100).stream()
                .filter(e -> e.action() == AuditAction.DEAD_LETTER_REPROCESSED)
                .toList();
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("operator:kim");
            assertThat(e.detail()).contains(letter.id(), "webhook:twitter", "1 stored");
        });
        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter(letter.id(), fixedReader, "lee"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("no open dead letter " + letter.id());
        assertThat(storage.messages().find(MessageKey.of(Platform.TWITTER, "101")))
                .isPresent();
    }

    @Test
    void aMessageThatArrivedMeanwhileIsNotStoredTwice() {
        post("v2|102|2002|cust2|twitter-care|card declined at the till");
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);
        // the platform redelivered it in a form the desk read (or a poll brought it) before the operator got to it
        desk.ingest(Batch.of(
                List.of(fixedReader.read(letter.rawPayload()).customerMessages().get(0))));

        IngestResult result = desk.operations().reprocessDeadLetter(letter.id(), fixedReader, "kim");

        assertThat(result.stored()).isZero();
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(desk.operations().deadLetters(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aDeadLetterTheReaderStillCannotReadStaysOpenAndNothingIsIngested() {
        post("v2|103|2003|cust3|twitter-care|hello");
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);

        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter(letter.id(), new LineFormatReader(false), "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("still cannot be read by the twitter reader")
                .hasMessageContaining("it stays open");

        assertThat(desk.operations().deadLetters(Optional.empty(), 10))
                .extracting(DeadLetter::id)
                .containsExactly(letter.id());
        assertThat(storage.messages().find(MessageKey.of(Platform.TWITTER, "103")))
                .isEmpty();
    }

    @Test
    void aDeadLetterForAChannelTheDeskDoesNotHaveStaysOpenAndNothingIsIngested() {
        post("v2|104|2004|cust4|facebook-page|hello");
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);

        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter(letter.id(), fixedReader, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("channels [facebook-page], which this desk does not have")
                .hasMessageContaining("it stays open");

        assertThat(desk.operations().deadLetters(Optional.empty(), 10)).hasSize(1);
        assertThat(storage.messages().find(MessageKey.of(Platform.TWITTER, "104")))
                .isEmpty();
    }

    @Test
    void aCardNumberInADeadLetterIsMaskedAtRestAndComesBackMasked() {
        post("v2|105|2005|cust5|twitter-care|my card 4111 1111 1111 1111 was charged twice");
        DeadLetter letter = desk.operations().deadLetters(Optional.empty(), 10).get(0);
        assertThat(letter.rawPayload()).doesNotContain("4111 1111 1111 1111").contains("1111");

        IngestResult result = desk.operations().reprocessDeadLetter(letter.id(), fixedReader, "kim");

        assertThat(desk.messages(result.touched().get(0))).singleElement().satisfies(m -> assertThat(m.text())
                .doesNotContain("4111 1111 1111 1111")
                .contains("charged twice"));
    }

    @Test
    void preconditionsAreChecked() {
        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter("no-such", fixedReader, "kim"))
                .isInstanceOf(CareException.class)
                .hasMessageContaining("no open dead letter no-such");
        assertThatThrownBy(() -> desk.operations().reprocessDeadLetter("x", fixedReader, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator");
    }

    private WebhookResult post(String body) {
        return desk.webhook(
                oldAdapter,
                new WebhookRequest(
                        "POST", "/webhooks/twitter", Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** "v2|tweet id|user id|handle|channel|text": the new format; the old adapter reads only "v1|...". */
    private static List<InboundMessage> read(String body, boolean knowsV2) {
        String[] parts = body.split("\\|", 6);
        if (parts.length != 6 || !(parts[0].equals("v1") || (knowsV2 && parts[0].equals("v2")))) {
            throw new MalformedPayloadException("$.version", "unknown payload version");
        }
        return List.of(InboundMessage.builder(
                        MessageKey.of(Platform.TWITTER, parts[1]), ChannelId.of(parts[4]), Party.of(parts[2], parts[3]))
                .text(parts[5])
                .createdAt(java.time.Instant.parse("2026-03-02T08:59:00Z"))
                .build());
    }

    private record LineFormatHandler(boolean knowsV2) implements WebhookHandler {
        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public WebhookResult handle(WebhookRequest request) {
            List<InboundMessage> messages = read(request.bodyAsString(), knowsV2);
            return new WebhookResult(200, "text/plain", "ok", List.of(Batch.of(messages)));
        }
    }

    private record LineFormatReader(boolean knowsV2) implements PayloadReader {
        @Override
        public Platform platform() {
            return Platform.TWITTER;
        }

        @Override
        public PayloadReading read(String content) {
            return new PayloadReading(
                    OperationsDeadLettersTest.read(content, knowsV2), List.of(), List.of(), List.of());
        }
    }
}
