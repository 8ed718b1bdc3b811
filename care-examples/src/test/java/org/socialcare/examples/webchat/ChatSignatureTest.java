package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatSignatureTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final ChatSignature signature = new ChatSignature("shared-secret");

    @Test
    void acceptsItsOwnSignatureWithinFiveMinutesOfSkew() {
        String header = signature.sign(NOW, "POST", "/api/messages", "{\"text\":\"hi\"}");

        assertThat(signature.verify(header, NOW.plusSeconds(300), "POST", "/api/messages", "{\"text\":\"hi\"}"))
                .isTrue();
        assertThat(header).doesNotContain("shared-secret");
    }

    @Test
    void rejectsAChangedBodyPathOrMethodAStaleTimeAnotherSecretAndGarbage() {
        String header = signature.sign(NOW, "GET", "/api/messages?after=0&limit=5", "");

        assertThat(signature.verify(header, NOW, "GET", "/api/messages?after=0&limit=6", ""))
                .isFalse();
        assertThat(signature.verify(header, NOW, "POST", "/api/messages?after=0&limit=5", ""))
                .isFalse();
        assertThat(signature.verify(header, NOW, "GET", "/api/messages?after=0&limit=5", "x"))
                .isFalse();
        assertThat(signature.verify(header, NOW.plusSeconds(301), "GET", "/api/messages?after=0&limit=5", ""))
                .isFalse();
        assertThat(new ChatSignature("other").verify(header, NOW, "GET", "/api/messages?after=0&limit=5", ""))
                .isFalse();
        assertThat(signature.verify(null, NOW, "GET", "/", "")).isFalse();
        assertThat(signature.verify("t=abc,v1=zz", NOW, "GET", "/", "")).isFalse();
        assertThat(signature.toString()).doesNotContain("shared-secret");
    }
}
