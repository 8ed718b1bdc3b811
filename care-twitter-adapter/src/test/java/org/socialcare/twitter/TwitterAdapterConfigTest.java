package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ChannelId;

class TwitterAdapterConfigTest {
    private TwitterAdapterConfig.Builder valid() {
        return TwitterAdapterConfig.builder()
                .channel(ChannelId.of("tw"))
                .accountId("2244994945")
                .consumer("consumer-key-1", "consumer-SECRET-1")
                .accessToken("token-SECRET-2", "token-SECRET-3");
    }

    @Test
    void toStringNeverShowsSecrets() {
        String s = valid().build().toString();
        assertThat(s)
                .doesNotContain("SECRET")
                .contains("2244994945")
                .contains(TwitterAdapterConfig.DEFAULT_REST_BASE_URL);
    }

    @Test
    void defaultsAreTwitterAndFullPages() {
        TwitterAdapterConfig c = valid().build();
        assertThat(c.restBaseUrl()).isEqualTo("https://api.twitter.com/1.1/");
        assertThat(c.mentionsPageSize()).isEqualTo(200);
        assertThat(c.includeRetweets()).isFalse();
    }

    @Test
    void baseUrlGetsATrailingSlash() {
        assertThat(valid().restBaseUrl("http://127.0.0.1:8080/1.1").build().restBaseUrl())
                .isEqualTo("http://127.0.0.1:8080/1.1/");
    }

    @Test
    void badValuesAreNamedAndEchoed() {
        assertThatThrownBy(() -> valid().accountId("@bank"))
                .hasMessageContaining("accountId")
                .hasMessageContaining("@bank");
        assertThatThrownBy(() -> valid().mentionsPageSize(201))
                .hasMessageContaining("mentionsPageSize")
                .hasMessageContaining("201");
        assertThatThrownBy(() -> valid().restBaseUrl("ftp://x"))
                .hasMessageContaining("restBaseUrl")
                .hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> TwitterAdapterConfig.builder()
                        .channel(ChannelId.of("tw"))
                        .build())
                .hasMessageContaining("accountId");
    }

    @Test
    void blankSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> valid().accessToken("  ", "x")).hasMessage("accessToken must not be blank");
    }
}
