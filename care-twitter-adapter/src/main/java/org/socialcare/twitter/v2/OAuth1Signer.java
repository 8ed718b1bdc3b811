package org.socialcare.twitter.v2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 section 3), for v2 calls of accounts that use OAuth 1.0a.
 *
 * <p>Why not twitter4j's: twitter4j 4.1.2 signs only through {@code OAuthAuthorization.getAuthorizationHeader(
 * HttpRequest)}, and {@code HttpRequest} and {@code HttpParameter} are package-private, so no code outside
 * twitter4j can build the request it signs. A JSON body (every v2 POST) is not part of the signature; the query
 * parameters and form parameters are. Public for the v1.1 writes of {@code org.socialcare.twitter} (which post with
 * the JDK client, see {@code Twitter4jApi}); not API. Thread-safe; the signature base string (which holds the
 * token) is never logged.
 */
public final class OAuth1Signer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final XAuth.OAuth1 credentials;

    OAuth1Signer(XAuth.OAuth1 credentials) {
        this.credentials = credentials;
    }

    /** A signer for these OAuth 1.0a credentials (an app's consumer key and secret, an account's token and secret). */
    public static OAuth1Signer of(String consumerKey, String consumerSecret, String accessToken, String tokenSecret) {
        return new OAuth1Signer(XAuth.oauth1(consumerKey, consumerSecret, accessToken, tokenSecret));
    }

    /**
     * The {@code Authorization} header for {@code method uri} whose body is the {@code application/x-www-form-urlencoded}
     * {@code form}: query and form parameters are both signed (RFC 5849 section 3.4.1.3.1).
     */
    public String header(String method, URI uri, Map<String, String> form, long epochSecond) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return header(method, uri, form, epochSecond, HexFormat.of().formatHex(nonce));
    }

    /** The {@code Authorization} header for {@code method uri} (query parameters included) at {@code epochSecond}. */
    String header(String method, URI uri, long epochSecond) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return header(method, uri, epochSecond, HexFormat.of().formatHex(nonce));
    }

    String header(String method, URI uri, long epochSecond, String nonce) {
        return header(method, uri, Map.of(), epochSecond, nonce);
    }

    String header(String method, URI uri, Map<String, String> form, long epochSecond, String nonce) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", credentials.consumerKey());
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(epochSecond));
        oauth.put("oauth_token", credentials.accessToken());
        oauth.put("oauth_version", "1.0");
        oauth.put("oauth_signature", signature(method, uri, form, oauth));
        StringBuilder h = new StringBuilder("OAuth ");
        oauth.forEach((k, v) -> h.append(h.length() > 6 ? ", " : "")
                .append(encode(k))
                .append("=\"")
                .append(encode(v))
                .append('"'));
        return h.toString();
    }

    String signature(String method, URI uri, Map<String, String> oauthParams) {
        return signature(method, uri, Map.of(), oauthParams);
    }

    private String signature(String method, URI uri, Map<String, String> form, Map<String, String> oauthParams) {
        List<String[]> params = new ArrayList<>();
        oauthParams.forEach((k, v) -> params.add(new String[] {encode(k), encode(v)}));
        form.forEach((k, v) -> params.add(new String[] {encode(k), encode(v)}));
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.add(new String[] {encode(k), encode(v)});
            }
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : params) {
            normalized
                    .append(normalized.length() == 0 ? "" : "&")
                    .append(p[0])
                    .append('=')
                    .append(p[1]);
        }
        String base = method.toUpperCase(java.util.Locale.ROOT) + "&" + encode(baseUri(uri)) + "&"
                + encode(normalized.toString());
        String key = encode(credentials.consumerSecret()) + "&" + encode(credentials.accessTokenSecret());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JVM", e);
        }
    }

    private static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + uri.getRawPath();
    }

    /** RFC 3986 percent-encoding: everything but ALPHA, DIGIT, '-', '.', '_', '~'. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
