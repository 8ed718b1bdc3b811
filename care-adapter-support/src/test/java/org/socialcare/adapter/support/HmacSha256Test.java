package org.socialcare.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    @Test
    void computesTheRfc4231TestVector() {
        // RFC 4231, test case 2
        HmacSha256 key = HmacSha256.key("secret", "Jefe");

        assertThat(HexFormat.of().formatHex(key.mac("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchesOnlyTheMacOfTheSameMessageUnderTheSameKey() {
        byte[] body = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);
        HmacSha256 key = HmacSha256.key("appSecret", "app-secret");

        assertThat(key.matches(body, key.mac(body))).isTrue();
        assertThat(key.matches(body, HmacSha256.key("appSecret", "other").mac(body)))
                .isFalse();
        assertThat(key.matches("{}".getBytes(StandardCharsets.UTF_8), key.mac(body)))
                .isFalse();
        assertThat(key.matches(body, new byte[0])).isFalse();
    }

    @Test
    void aBlankSecretIsRejectedNamingTheSettingAndTheKeyNeverPrints() {
        assertThatThrownBy(() -> HmacSha256.key("consumerSecret", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("consumerSecret must not be blank");
        assertThatThrownBy(() -> HmacSha256.key("appSecret", null)).hasMessage("appSecret must not be blank");
        assertThat(HmacSha256.key("appSecret", "very-secret").toString()).doesNotContain("very-secret");
    }
}
