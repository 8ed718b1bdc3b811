package org.socialcare.twitter.v2;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How one bank account signs its X API v2 calls: {@link OAuth1} (the app's consumer key and secret and the
 * account's access token, as the v1.1 adapter uses) or {@link OAuth2User} (OAuth 2.0 user context: a bearer
 * access token that expires, refreshed with its refresh token). Immutable; {@code toString()} never shows a
 * secret or token. {@link OAuth1} is immutable; {@link OAuth2User} holds the account's current token.
 */
public sealed interface XAuth permits XAuth.OAuth1, XAuth.OAuth2User {

    /** OAuth 1.0a user context (HMAC-SHA1). */
    static OAuth1 oauth1(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
        return new OAuth1(consumerKey, consumerSecret, accessToken, accessTokenSecret);
    }

    /** OAuth 1.0a: every value is required and must not be blank. */
    record OAuth1(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret)
            implements XAuth {
        public OAuth1 {
            requireText(consumerKey, "consumerKey");
            requireText(consumerSecret, "consumerSecret");
            requireText(accessToken, "accessToken");
            requireText(accessTokenSecret, "accessTokenSecret");
        }

        @Override
        public String toString() {
            return "OAuth1[consumerKey=" + consumerKey + ", secrets hidden]";
        }
    }

    /**
     * OAuth 2.0 user context: the current access token with its expiry and refresh token, refreshed with
     * {@code clientId} (and {@code clientSecret} for a confidential client, sent as HTTP Basic) at {@code tokenUrl}
     * ({@code https://api.x.com/2/oauth2/token} by default) shortly before it expires or after a 401. X rotates
     * refresh tokens and each works once, so this object holds the account's <em>current</em> token for every client
     * built from it: give the source(s) and the publisher of one account the same instance (the same
     * {@link XApiConfig}). {@code onRefresh} receives every new token so the bank can store it. Build with
     * {@link #oauth2User}.
     *
     * <p>Thread-safe: refreshes of one instance are serialized. Several processes sharing one grant must share
     * the stored token themselves (one refresh invalidates the others' refresh token).
     */
    final class OAuth2User implements XAuth {
        private final String clientId;
        private final Optional<String> clientSecret;
        private final Optional<URI> tokenUrl;
        private final Consumer<OAuth2Token> onRefresh;
        private OAuth2Token token; // guarded by this

        public OAuth2User(
                String clientId,
                Optional<String> clientSecret,
                OAuth2Token token,
                Optional<URI> tokenUrl,
                Consumer<OAuth2Token> onRefresh) {
            requireText(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            clientSecret.ifPresent(s -> requireText(s, "clientSecret"));
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.token = Objects.requireNonNull(token, "token");
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            this.onRefresh = Objects.requireNonNull(onRefresh, "onRefresh");
        }

        public String clientId() {
            return clientId;
        }

        public Optional<String> clientSecret() {
            return clientSecret;
        }

        public Optional<URI> tokenUrl() {
            return tokenUrl;
        }

        public Consumer<OAuth2Token> onRefresh() {
            return onRefresh;
        }

        /** The current token (the latest refreshed one). */
        public synchronized OAuth2Token token() {
            return token;
        }

        /** Replaces the current token after a refresh and tells {@code onRefresh}. */
        synchronized void refreshed(OAuth2Token fresh) {
            token = Objects.requireNonNull(fresh, "fresh");
            onRefresh.accept(fresh);
        }

        /** New credentials with the token endpoint at {@code url} (an emulator in tests); the token is copied. */
        public OAuth2User withTokenUrl(URI url) {
            return new OAuth2User(clientId, clientSecret, token(), Optional.of(url), onRefresh);
        }

        /** New credentials reporting refreshed tokens to {@code listener}; the token is copied. */
        public OAuth2User onRefresh(Consumer<OAuth2Token> listener) {
            return new OAuth2User(clientId, clientSecret, token(), tokenUrl, listener);
        }

        @Override
        public String toString() {
            return "OAuth2User[clientId=" + clientId + ", expiresAt=" + token().expiresAt() + ", secrets hidden]";
        }
    }

    /** OAuth 2.0 user context for a public client (PKCE, no client secret); refreshed tokens are dropped. */
    static OAuth2User oauth2User(String clientId, OAuth2Token token) {
        return new OAuth2User(clientId, Optional.empty(), token, Optional.empty(), t -> {});
    }

    /** OAuth 2.0 user context for a confidential client (refresh authenticated with HTTP Basic). */
    static OAuth2User oauth2User(String clientId, String clientSecret, OAuth2Token token) {
        return new OAuth2User(clientId, Optional.of(clientSecret), token, Optional.empty(), t -> {});
    }

    /**
     * An OAuth 2.0 access token, when it expires, and the refresh token (absent without the
     * {@code offline.access} scope: the token then cannot be refreshed). Immutable; tokens hidden in
     * {@code toString()}.
     */
    record OAuth2Token(String accessToken, Instant expiresAt, Optional<String> refreshToken) {
        public OAuth2Token {
            requireText(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(refreshToken, "refreshToken");
            refreshToken.ifPresent(r -> requireText(r, "refreshToken"));
        }

        @Override
        public String toString() {
            return "OAuth2Token[expiresAt=" + expiresAt + ", refreshable=" + refreshToken.isPresent() + "]";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank"); // never echo a secret
        }
    }
}
