package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcare.core.error.PlatformException;
import org.socialcare.emulators.x.XApiEmulator;

/** OAuth 2.0 user context with refresh, and OAuth 1.0a, per account, against the emulator's token endpoint. */
class XAuthTest {
    private final XApiEmulator emulator = XTestSupport.emulator();
    private final List<XAuth.OAuth2Token> refreshed = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private XApiV2Client client(XAuth auth) {
        return XApiV2Client.create(XTestSupport.config(emulator, auth).build());
    }

    @Test
    void aTokenAboutToExpireIsRefreshedFirstAndTheRotatedTokenReported() {
        String oldRefresh = emulator.refreshToken();
        XAuth.OAuth2User auth = XAuth.oauth2User(
                        emulator.clientId(),
                        emulator.clientSecret().orElseThrow(),
                        new XAuth.OAuth2Token(
                                emulator.accessToken(), Instant.now().plusSeconds(10), Optional.of(oldRefresh)))
                .onRefresh(refreshed::add);

        client(auth).mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10);

        assertThat(refreshed).singleElement().satisfies(t -> {
            assertThat(t.accessToken()).isEqualTo(emulator.accessToken());
            assertThat(t.refreshToken()).contains(emulator.refreshToken());
        });
        assertThat(emulator.refreshToken()).isNotEqualTo(oldRefresh);
        assertThat(emulator.requests())
                .extracting(XApiEmulator.Request::path)
                .containsExactly(
                        "/2/oauth2/token", "/2/users/" + emulator.account().id() + "/mentions");
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheCallRepeated() {
        XAuth.OAuth2User auth = XTestSupport.oauth2(emulator).onRefresh(refreshed::add);
        XApiV2Client client = client(auth);
        emulator.expireAccessToken();

        client.mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10);

        assertThat(refreshed).hasSize(1);
        assertThat(emulator.requests())
                .extracting(XApiEmulator.Request::path)
                .containsExactly(
                        "/2/users/" + emulator.account().id() + "/mentions",
                        "/2/oauth2/token",
                        "/2/users/" + emulator.account().id() + "/mentions");
    }

    @Test
    void theClientsOfOneAccountShareTheRotatingTokenSoOnlyOneRefreshes() {
        XAuth.OAuth2User auth = XTestSupport.oauth2(emulator).onRefresh(refreshed::add);
        XApiConfig config = XTestSupport.config(emulator, auth).build();
        XApiV2Client mentions = XApiV2Client.create(config);
        XApiV2Client publisher = XApiV2Client.create(config);
        emulator.expireAccessToken();
        String target = emulator.mention(emulator.user("1900000000000000501", "jane", "Jane", 1, false), "hi");

        mentions.mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10);
        long reply = publisher.reply(Long.parseLong(target), "Hello Jane");

        assertThat(reply).isPositive();
        assertThat(refreshed)
                .as("refreshes (a second one would be refused: refresh tokens work once)")
                .hasSize(1);
        assertThat(auth.token()).isEqualTo(refreshed.get(0));
    }

    @Test
    void aFailedRefreshIsAuthFailedWithoutAnyToken() {
        XAuth.OAuth2User auth = XTestSupport.oauth2(emulator);
        emulator.expireAccessToken();
        emulator.revokeRefreshToken();

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client(auth)
                .mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        assertThat(e.getMessage())
                .contains("refresh")
                .doesNotContain(auth.token().accessToken())
                .doesNotContain(auth.token().refreshToken().orElseThrow())
                .doesNotContain(auth.clientSecret().orElseThrow());
    }

    @Test
    void aTokenWithoutRefreshTokenIsAuthFailedOnceRefused() {
        XAuth.OAuth2User auth = XAuth.oauth2User(
                emulator.clientId(),
                new XAuth.OAuth2Token(emulator.accessToken(), Instant.now().plusSeconds(3600), Optional.empty()));
        emulator.expireAccessToken();

        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client(auth)
                .mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
        assertThat(e.getMessage()).contains("offline.access");
    }

    @Test
    void oauth1AccountsAreSignedAndAWrongSecretIsRefused() {
        XAuth.OAuth1 good = XTestSupport.oauth1(emulator);
        XAuth.OAuth1 wrong =
                XAuth.oauth1(good.consumerKey(), "not-the-secret", good.accessToken(), good.accessTokenSecret());
        emulator.mention(emulator.user("1900000000000000501", "jane", "Jane", 1, false), "hi");

        assertThat(client(good)
                        .mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10)
                        .tweets())
                .hasSize(1);
        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client(wrong)
                .mentions(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), 10));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH_FAILED);
    }

    @Test
    void credentialsNeverShowInToString() {
        XAuth.OAuth2User o2 = XTestSupport.oauth2(emulator);
        XAuth.OAuth1 o1 = XTestSupport.oauth1(emulator);
        String text = XTestSupport.config(emulator, o2).build() + " " + o1 + " " + o2.token();

        assertThat(text)
                .doesNotContain(emulator.accessToken())
                .doesNotContain(emulator.refreshToken())
                .doesNotContain(emulator.clientSecret().orElseThrow())
                .doesNotContain(emulator.consumerSecret())
                .doesNotContain(emulator.oauth1TokenSecret())
                .doesNotContain(emulator.oauth1Token());
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> XApiConfig.builder().accountId("@bank"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accountId")
                .hasMessageContaining("@bank");
        assertThatThrownBy(() -> XApiConfig.builder().mentionsPageSize(200))
                .hasMessageContaining("mentionsPageSize must be in 5..100 but was 200");
        assertThatThrownBy(() -> XApiConfig.builder().baseUrl("ftp://x")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> XAuth.oauth1("k", " ", "t", "s")).hasMessage("consumerSecret must not be blank");
        assertThatThrownBy(() -> XApiConfig.builder().accountId("1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel");
    }
}
