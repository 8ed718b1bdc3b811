package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialcare.facebook.TestPages.*;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FacebookAdapterConfigTest {
    @Test
    void hasFacebooksDefaults() {
        FacebookAdapterConfig c = FacebookAdapterConfig.builder()
                .channel(CHANNEL_ID)
                .pageId(PAGE_ID)
                .pageAccessToken(TOKEN)
                .appSecret(APP_SECRET)
                .verifyToken(VERIFY_TOKEN)
                .build();

        assertThat(c.graphBaseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(c.graphVersion()).isEqualTo("v24.0");
        assertThat(c.messagingWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(c.appId()).isEmpty();
    }

    @Test
    void namesTheMissingSetting() {
        assertThatThrownBy(() -> FacebookAdapterConfig.builder()
                        .channel(CHANNEL_ID)
                        .pageId(PAGE_ID)
                        .appSecret(APP_SECRET)
                        .verifyToken(VERIFY_TOKEN)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pageAccessToken");
    }

    @Test
    void rejectsBadValuesNamingTheSettingAndEchoingNonSecretValues() {
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().pageId("bank-page"))
                .hasMessage("pageId must be a numeric Facebook id but was 'bank-page'");
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().graphVersion("24"))
                .hasMessageContaining("graphVersion")
                .hasMessageContaining("'24'");
        assertThatThrownBy(
                        () -> FacebookAdapterConfig.builder().graphBaseUrl(URI.create("http://127.0.0.1:8080/v24.0")))
                .hasMessageContaining("graphBaseUrl")
                .hasMessageContaining("/v24.0");
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().pageSize(500))
                .hasMessage("pageSize must be in 1..100 but was 500");
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().messagingWindow(Duration.ZERO))
                .hasMessageContaining("messagingWindow");
    }

    @Test
    void neverEchoesASecret() {
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().pageAccessToken(" " + TOKEN))
                .hasMessageContaining("pageAccessToken")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> FacebookAdapterConfig.builder().appSecret("   "))
                .hasMessage("appSecret must not be blank");

        String shown = TestPages.config().toString();

        assertThat(shown)
                .contains(PAGE_ID)
                .doesNotContain(TOKEN)
                .doesNotContain(APP_SECRET)
                .doesNotContain(VERIFY_TOKEN);
    }
}
