package org.socialcare.core.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.port.out.TextLimits;

/** Disclosures scoped by platform or channel land only there; unscoped ones land everywhere, as before. */
class ScopedDisclosureTest {
    private static final Platform EMAIL = Platform.of("email");
    private static final TeamId CARE = TeamId.of("care");
    private final Channel twitter =
            Channel.of("tw-care", Platform.TWITTER, "MyBank_Help", "100", ChannelKind.DEDICATED_CARE, CARE);
    private final Channel cards =
            Channel.of("tw-cards", Platform.TWITTER, "MyBank_Cards", "101", ChannelKind.BUSINESS_UNIT, CARE);
    private final Channel mail = Channel.of("mail", EMAIL, "care@bank.example", "m1", ChannelKind.DEDICATED_CARE, CARE);

    private final CompliancePolicy policy = CompliancePolicy.builder()
            .disclosure(Disclosure.always(
                            "email-footer",
                            Set.of(ReplyKind.PRIVATE_MESSAGE),
                            "Northbank plc, registered in England no. 123. This e-mail is confidential.")
                    .onPlatforms(EMAIL))
            .disclosure(Disclosure.always("cards-terms", Set.of(ReplyKind.PUBLIC_REPLY), "Card T&Cs apply.")
                    .onChannels(cards.id()))
            .disclosure(Disclosure.always("everywhere", Set.of(ReplyKind.PRIVATE_MESSAGE), "Ref CARE."))
            .build();

    private ComplianceReview review(Channel channel, ReplyKind kind, String text) {
        return policy.review(new ReplyDraft(channel, kind, text, Set.of()), TextLimits.defaultsFor(channel.platform()));
    }

    @Test
    void anEmailFooterNeverLandsInATwitterDirectMessage() {
        ComplianceReview dm = review(twitter, ReplyKind.PRIVATE_MESSAGE, "Your new card is on its way");

        assertThat(dm.text()).isEqualTo("Your new card is on its way Ref CARE.");
        assertThat(dm.disclosuresAdded()).containsExactly("everywhere");
    }

    @Test
    void anEmailFooterLandsInAnEmailReply() {
        ComplianceReview email = review(mail, ReplyKind.PRIVATE_MESSAGE, "Your new card is on its way");

        assertThat(email.disclosuresAdded()).containsExactly("email-footer", "everywhere");
        assertThat(email.text()).contains("This e-mail is confidential.");
    }

    @Test
    void aChannelScopedDisclosureLandsOnlyOnThatChannelOfThePlatform() {
        assertThat(review(cards, ReplyKind.PUBLIC_REPLY, "Your limit is raised").text())
                .isEqualTo("Your limit is raised Card T&Cs apply.");
        assertThat(review(twitter, ReplyKind.PUBLIC_REPLY, "Your limit is raised")
                        .text())
                .isEqualTo("Your limit is raised");
    }

    @Test
    void platformsAndChannelsTogetherScopeToEither() {
        Disclosure d = Disclosure.always("both", Set.of(ReplyKind.PUBLIC_REPLY), "x")
                .onPlatforms(EMAIL)
                .onChannels(cards.id());

        assertThat(d.appliesTo(mail, ReplyKind.PUBLIC_REPLY)).isTrue();
        assertThat(d.appliesTo(cards, ReplyKind.PUBLIC_REPLY)).isTrue();
        assertThat(d.appliesTo(twitter, ReplyKind.PUBLIC_REPLY)).isFalse();
        assertThat(d.appliesTo(mail, ReplyKind.PRIVATE_MESSAGE)).isFalse();
    }

    @Test
    void anEmptyScopeIsRefusedNamingTheDisclosure() {
        Disclosure d = Disclosure.always("footer", Set.of(ReplyKind.PUBLIC_REPLY), "x");

        assertThatThrownBy(d::onPlatforms)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'footer'")
                .hasMessageContaining("platforms");
        assertThatThrownBy(() -> d.onChannels(new ChannelId[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels");
    }
}
