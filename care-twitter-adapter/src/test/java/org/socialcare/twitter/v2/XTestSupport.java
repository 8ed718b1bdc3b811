package org.socialcare.twitter.v2;

import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.TeamId;
import org.socialcare.emulators.x.XApiEmulator;

/** Shared wiring for the v2 tests: an emulator and configs pointing at it with either kind of auth. */
final class XTestSupport {
    static final ChannelId CHANNEL = ChannelId.of("x-care");

    private XTestSupport() {}

    static XApiEmulator emulator() {
        return XApiEmulator.builder().start();
    }

    /** OAuth 2.0 user context (confidential client) with the emulator's current tokens. */
    static XAuth.OAuth2User oauth2(XApiEmulator e) {
        return XAuth.oauth2User(
                e.clientId(),
                e.clientSecret().orElseThrow(),
                new XAuth.OAuth2Token(
                        e.accessToken(), e.accessTokenExpiresAt(), java.util.Optional.of(e.refreshToken())));
    }

    static XAuth.OAuth1 oauth1(XApiEmulator e) {
        return XAuth.oauth1(e.consumerKey(), e.consumerSecret(), e.oauth1Token(), e.oauth1TokenSecret());
    }

    static XApiConfig.Builder config(XApiEmulator e, XAuth auth) {
        return XApiConfig.builder()
                .channel(CHANNEL)
                .accountId(e.account().id())
                .auth(auth)
                .baseUrl(e.baseUrl());
    }

    static Channel channel(XApiEmulator e) {
        return Channel.of(
                CHANNEL.value(),
                Platform.TWITTER,
                e.account().username(),
                e.account().id(),
                ChannelKind.DEDICATED_CARE,
                TeamId.of("social"));
    }
}
