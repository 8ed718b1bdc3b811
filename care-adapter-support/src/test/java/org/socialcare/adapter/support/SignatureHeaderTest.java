package org.socialcare.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;

class SignatureHeaderTest {
    private static final String SECRET = "app-secret-123";
    private static final HmacSha256 KEY = HmacSha256.key("appSecret", SECRET);
    private static final SignatureHeader FACEBOOK = SignatureHeader.hex("X-Hub-Signature-256");
    private static final SignatureHeader TWITTER = SignatureHeader.base64("x-twitter-webhooks-signature");

    @Test
    void signsLikeFacebookAndTwitterDo() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(FACEBOOK.sign(KEY, body)).matches("sha256=[0-9a-f]{64}");
        assertThat(TWITTER.sign(KEY, body))
                .isEqualTo("sha256=" + Base64.getEncoder().encodeToString(KEY.mac(body)));
    }

    @Test
    void acceptsItsOwnSignatureUnderAnyCaseOfTheHeaderNameAndAlgorithm() {
        String body = "{\"entry\":[]}";
        String signature = FACEBOOK.sign(KEY, body.getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> FACEBOOK.verify(post(body, "x-hub-signature-256", signature), KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> FACEBOOK.verify(
                        post(
                                body,
                                "X-Hub-Signature-256",
                                " SHA256=" + signature.substring(7).toUpperCase() + " "),
                        KEY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsTheSignatureOfAnyConfiguredKey() {
        String body = "{\"entry\":[]}";
        HmacSha256 second = HmacSha256.key("appSecret", "second-app");
        String bySecond = FACEBOOK.sign(second, body.getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> FACEBOOK.verify(post(body, FACEBOOK.name(), bySecond), List.of(KEY, second)))
                .doesNotThrowAnyException();
        assertThat(rejection(FACEBOOK, post(body, FACEBOOK.name(), bySecond), List.of(KEY)))
                .hasMessageContaining("does not match the body");
    }

    @Test
    void namesWhatIsWrongWithTheHeaderAndAnswers401() {
        String body = "{}";
        WebhookRejectedException missing = rejection(TWITTER, post(body, "Other", "x"), List.of(KEY));
        WebhookRejectedException sha1 = rejection(TWITTER, post(body, TWITTER.name(), "sha1=abcd"), List.of(KEY));
        WebhookRejectedException noAlgorithm = rejection(TWITTER, post(body, TWITTER.name(), "abcd"), List.of(KEY));
        WebhookRejectedException notBase64 = rejection(TWITTER, post(body, TWITTER.name(), "sha256=***"), List.of(KEY));
        WebhookRejectedException shortHex =
                rejection(FACEBOOK, post(body, FACEBOOK.name(), "sha256=abcdef"), List.of(KEY));

        assertThat(List.of(missing, sha1, noAlgorithm, notBase64, shortHex))
                .allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(401))
                .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(missing).hasMessageContaining("missing x-twitter-webhooks-signature header");
        assertThat(sha1).hasMessageContaining("unsupported signature algorithm 'sha1'");
        assertThat(noAlgorithm).hasMessageContaining("unsupported signature algorithm ''");
        assertThat(notBase64).hasMessageContaining("32-byte MAC in base64");
        assertThat(shortHex).hasMessageContaining("X-Hub-Signature-256 must be 'sha256=' and a 32-byte MAC in hex");
    }

    @Test
    void echoesAtMostSixteenCharactersOfAnUnknownAlgorithm() {
        String longName = "x".repeat(100);

        WebhookRejectedException e = rejection(TWITTER, post("{}", TWITTER.name(), longName + "=abc"), List.of(KEY));

        assertThat(e.getMessage()).contains("'" + "x".repeat(16) + "'").doesNotContain("x".repeat(17));
    }

    @Property
    void aBodyChangedAfterSigningIsRejected(
            @ForAll @Size(min = 1, max = 300) byte[] body,
            @ForAll @IntRange(min = 0, max = 299) int position,
            @ForAll("nonZero") byte flip,
            @ForAll("headers") SignatureHeader header) {
        String signature = header.sign(KEY, body);
        byte[] tampered = body.clone();
        tampered[position % body.length] ^= flip;

        WebhookRejectedException e = rejection(header, post(tampered, header.name(), signature), List.of(KEY));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("does not match the body");
    }

    @Property
    void aSignatureChangedInOneByteIsRejected(
            @ForAll @Size(max = 300) byte[] body,
            @ForAll @IntRange(min = 0, max = HmacSha256.LENGTH - 1) int position,
            @ForAll("nonZero") byte flip,
            @ForAll("headers") SignatureHeader header) {
        byte[] mac = KEY.mac(body);
        mac[position] ^= flip;
        String forged = "sha256=" + header.encoding().encode(mac);

        WebhookRejectedException e = rejection(header, post(body, header.name(), forged), List.of(KEY));

        assertThat(e.getMessage()).contains("does not match the body");
    }

    @Property
    void anyBodySignedWithTheKeyIsAccepted(
            @ForAll @Size(max = 2000) byte[] body, @ForAll("headers") SignatureHeader header) {
        assertThatCode(() -> header.verify(post(body, header.name(), header.sign(KEY, body)), KEY))
                .doesNotThrowAnyException();
    }

    @Property
    void garbageInTheHeaderIsRejectedWithoutLeakingTheSecret(
            @ForAll String value, @ForAll("headers") SignatureHeader header) {
        WebhookRejectedException e = rejection(header, post(new byte[] {1}, header.name(), value), List.of(KEY));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Provide
    Arbitrary<Byte> nonZero() {
        return Arbitraries.bytes().filter(b -> b != 0);
    }

    @Provide
    Arbitrary<SignatureHeader> headers() {
        return Arbitraries.of(FACEBOOK, TWITTER);
    }

    private static WebhookRejectedException rejection(
            SignatureHeader header, WebhookRequest request, List<HmacSha256> keys) {
        return catchThrowableOfType(WebhookRejectedException.class, () -> header.verify(request, keys));
    }

    private static WebhookRequest post(String body, String header, String value) {
        return post(body.getBytes(StandardCharsets.UTF_8), header, value);
    }

    private static WebhookRequest post(byte[] body, String header, String value) {
        return new WebhookRequest("POST", "/webhook", Map.of(header, List.of(value)), Map.of(), body);
    }
}
