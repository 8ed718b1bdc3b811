package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwitterTextLimitsTest {
    private final TwitterTextLimits limits = TwitterTextLimits.create();

    @Test
    void countsEveryUrlAs23() {
        String url = "https://www.bank.com/help/cards/declined-abroad?utm_source=twitter&ref=care";
        assertThat(limits.weightedLength("see " + url)).isEqualTo(4 + 23);
        assertThat(limits.weightedLength("see http://t.co/x")).isEqualTo(4 + 23);
    }

    @Test
    void hostsWithoutARealTopLevelDomainAreNotUrlsToTwitter() {
        // twitter-text only recognises registered TLDs: a ".example" link counts character by character
        assertThat(limits.weightedLength("https://bank.example/x")).isEqualTo("https://bank.example/x".length());
    }

    @Test
    void acceptsExactly280AndRefuses281() {
        assertThat(limits.fits("a".repeat(280))).isTrue();
        assertThat(limits.fits("a".repeat(281))).isFalse();
    }

    @Test
    void cjkCharactersWeighTwo() {
        assertThat(limits.weightedLength("\u3042\u3044\u3046")).isEqualTo(6);
        assertThat(limits.fits("\u3042".repeat(140))).isTrue();
        assertThat(limits.fits("\u3042".repeat(141))).isFalse();
    }

    @Test
    void portShapedMethodsCountTweetsWeightedAndDirectMessagesByCodePoints() {
        assertThat(limits.maxLength(org.socialcare.core.domain.ReplyKind.PUBLIC_REPLY))
                .isEqualTo(280);
        assertThat(limits.maxLength(org.socialcare.core.domain.ReplyKind.PRIVATE_MESSAGE))
                .isEqualTo(10_000);
        assertThat(limits.fits("\u3042".repeat(141), org.socialcare.core.domain.ReplyKind.PUBLIC_REPLY))
                .isFalse();
        assertThat(limits.fits("\u3042".repeat(141), org.socialcare.core.domain.ReplyKind.PRIVATE_MESSAGE))
                .isTrue();
        assertThat(limits.fits("\uD83D\uDE21".repeat(10_000), org.socialcare.core.domain.ReplyKind.PRIVATE_MESSAGE))
                .isTrue();
        assertThat(limits.length("see https://www.bank.com/a/very/long/path/to/something"))
                .isEqualTo(27);
    }

    @Test
    void blankTextIsNotATweet() {
        assertThat(limits.fits("")).isFalse();
    }

    @Test
    void plugsIntoCoreMessagePoliciesSoLongLinksCountAsTwitterCountsThem() {
        String text = "a".repeat(250) + " https://www.northbank.com/" + "p".repeat(200);
        org.socialcare.core.MessagePolicies defaults = org.socialcare.core.MessagePolicies.ofDefaults();
        org.socialcare.core.MessagePolicies twitter = org.socialcare.core.MessagePolicies.builder()
                .textLimits(TwitterTextLimits.create())
                .build();
        assertThat(defaults.textLimits(org.socialcare.core.domain.Platform.TWITTER)
                        .fits(text, org.socialcare.core.domain.ReplyKind.PUBLIC_REPLY))
                .isFalse();
        assertThat(twitter.textLimits(org.socialcare.core.domain.Platform.TWITTER)
                        .fits(text, org.socialcare.core.domain.ReplyKind.PUBLIC_REPLY))
                .isTrue();
    }
}
