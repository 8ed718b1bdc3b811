package org.socialcare.core.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.TeamId;

class ReplyComposerTest {
    private final Agent anna = Agent.of("ab1", "Anna Bell", "AB", TeamId.of("care"));
    private final Party jane = Party.of("42", "janedoe").withDisplayName("Jane");

    @Test
    void fillsCustomerAgentFaqAndCustomPlaceholdersAndSigns() {
        ReplyComposer composer = ReplyComposer.builder()
                .faq("abroad", URI.create("https://mybank.example/help/abroad"))
                .template(
                        "abroad",
                        "en",
                        "Hi {customer}, {agent} here: you can use your card abroad, see {faq:abroad} (ref {ref})")
                .build();

        String text = composer.compose(
                "abroad", TemplateContext.of(jane, anna).withValues(Map.of("ref", "X7")), ReplyKind.PUBLIC_REPLY);

        assertThat(text)
                .isEqualTo(
                        "Hi Jane, Anna Bell here: you can use your card abroad, see https://mybank.example/help/abroad (ref X7) ^AB");
    }

    @Test
    void picksTheConversationLanguageThenTheDefault() {
        ReplyComposer composer = ReplyComposer.ofDefaults();
        TemplateContext ctx = TemplateContext.of(Party.of("7", "pepe"), anna);

        assertThat(composer.compose("thanks", ctx.withLanguage("es-ES"))).startsWith("¡Muchas gracias @pepe!");
        assertThat(composer.compose("thanks", ctx.withLanguage("de"))).startsWith("Thanks so much @pepe");
        assertThat(composer.compose("thanks", ctx)).startsWith("Thanks so much @pepe");
    }

    @Test
    void signsOnlyOnceAndOnlyConfiguredKinds() {
        ReplyComposer composer = ReplyComposer.builder()
                .signedKinds(java.util.Set.of(ReplyKind.PUBLIC_REPLY))
                .build();
        assertThat(composer.sign("Done! ^AB", anna, ReplyKind.PUBLIC_REPLY)).isEqualTo("Done! ^AB");
        assertThat(composer.sign("Done!", anna, ReplyKind.PRIVATE_MESSAGE)).isEqualTo("Done!");
        assertThat(composer.sign("Done!", anna, ReplyKind.PUBLIC_REPLY)).isEqualTo("Done! ^AB");
    }

    @Test
    void errorsNameTemplateAndPlaceholder() {
        ReplyComposer composer = ReplyComposer.builder()
                .template("t", "en", "Hi {customer}, ref {ref}")
                .build();
        assertThatThrownBy(() -> composer.compose("t", TemplateContext.of(jane, anna)))
                .hasMessageContaining("'t'")
                .hasMessageContaining("{ref}");
        assertThatThrownBy(() -> composer.compose("nope", TemplateContext.of(jane, anna)))
                .hasMessageContaining("'nope'")
                .hasMessageContaining("[t]");
        assertThatThrownBy(() -> ReplyComposer.builder()
                        .template("x", "en", "see {faq:missing}")
                        .build())
                .hasMessageContaining("faq:missing");
        assertThatThrownBy(() -> ReplyComposer.builder().template("x", "en", "broken {placeholder"))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> ReplyComposer.builder().faq("x", URI.create("ftp://x")))
                .hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> ReplyComposer.builder().signature(" ^{customer}"))
                .hasMessageContaining("{customer}");
    }

    @Test
    void shippedTemplatesPassDefaultCompliance() {
        ReplyComposer composer = ReplyComposer.ofDefaults();
        CompliancePolicy compliance = CompliancePolicy.ofDefaults();
        org.socialcare.core.domain.Channel channel = org.socialcare.core.domain.Channel.of(
                "tw",
                org.socialcare.core.domain.Platform.TWITTER,
                "MyBank_Help",
                "1",
                org.socialcare.core.domain.ChannelKind.DEDICATED_CARE,
                TeamId.of("care"));
        for (String key : composer.templateKeys()) {
            for (String lang : new String[] {"en", "es"}) {
                String text = composer.compose(
                        key, new TemplateContext(jane, anna, Optional.of(lang), Map.of()), ReplyKind.PUBLIC_REPLY);
                ComplianceReview review = compliance.review(
                        new ReplyDraft(channel, ReplyKind.PUBLIC_REPLY, text, java.util.Set.of()),
                        org.socialcare.core.port.out.TextLimits.defaultsFor(channel.platform()));
                assertThat(review.needsApproval()).as(key + " " + lang).isFalse();
            }
        }
    }
}
