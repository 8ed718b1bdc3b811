package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {
    // The worked example of X's "Creating a signature" guide (OAuth 1.0a, HMAC-SHA1).
    private final OAuth1Signer signer = new OAuth1Signer(XAuth.oauth1(
            "xvz1evFS4wEEPTGEFPHBog",
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));

    @Test
    void signatureMatchesTheDocumentedExample() {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog");
        oauth.put("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", "1318622958");
        oauth.put("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");
        oauth.put("oauth_version", "1.0");
        URI uri = URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
                + "&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21");

        assertThat(signer.signature("POST", uri, oauth)).isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    }

    @Test
    void formParametersOfTheBodyAreSignedAsTheGuideSigns() {
        // The guide's request as sent: include_entities in the query, status in the form body.
        String header = signer.header(
                "POST",
                URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
                Map.of("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
                1318622958L,
                "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

        assertThat(header).contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"");
    }

    @Test
    void headerCarriesTheSignatureAndNeverTheSecrets() {
        String header = signer.header(
                "POST",
                URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
                        + "&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"),
                1318622958L,
                "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

        assertThat(header)
                .startsWith("OAuth ")
                .contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"")
                .contains("oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\"")
                .doesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw")
                .doesNotContain("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(OAuth1Signer.encode("Ladies + Gentlemen, a~b_c.d-e é!"))
                .isEqualTo("Ladies%20%2B%20Gentlemen%2C%20a~b_c.d-e%20%C3%A9%21");
    }
}
