package org.socialcare.twitter.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.socialcare.twitter.Tweet;

class XJsonPropertiesTest {
    @Property
    void everyPositive64BitIdSurvivesAsAStringAndAsANumber(@ForAll @LongRange(min = 1) long id) {
        String asString = "{\"id\":\"" + id + "\",\"author_id\":\"" + id
                + "\",\"text\":\"hi\",\"created_at\":\"2026-03-02T09:00:00.000Z\"}";
        String asNumber = "{\"id\":" + id + ",\"author_id\":" + id
                + ",\"text\":\"hi\",\"created_at\":\"2026-03-02T09:00:00.000Z\"}";

        Tweet a = XJson.tweet(XJson.parse(asString), Map.of(), "$");
        Tweet b = XJson.tweet(XJson.parse(asNumber), Map.of(), "$");

        assertThat(a.id()).isEqualTo(id);
        assertThat(b.id()).isEqualTo(id);
        assertThat(a.author().id()).isEqualTo(id);
    }

    @Property
    void oauthPercentEncodingIsReversibleAndUsesOnlyUnreservedCharacters(@ForAll String s) {
        String encoded = OAuth1Signer.encode(s);

        assertThat(encoded).matches("[A-Za-z0-9\\-._~%]*");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
