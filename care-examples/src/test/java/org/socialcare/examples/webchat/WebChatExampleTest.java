package org.socialcare.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebChatExampleTest {
    @Test
    void exampleRunsTheChatToTheAgentsReplyOnTheChatServer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        WebChatExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("outbox dispatch sent 1")
                .contains("chat server received #2 for s-4711: Hi Anna, I've unblocked it; please try again ^AB")
                .doesNotContain("example-shared-secret");
    }
}
