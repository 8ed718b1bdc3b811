package org.socialcare.core.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What platforms do to echoed text never breaks a match; a changed word always does. */
class EchoTextProperties {

    @Property(tries = 500)
    void aReplyMatchesItsEchoAfterEveryChangeAPlatformMakes(
            @ForAll("replies") String published,
            @ForAll("mentions") List<String> prefixed,
            @ForAll boolean escapeEntities,
            @ForAll boolean shortenLinks) {
        String echoed = published;
        if (shortenLinks) {
            echoed = echoed.replaceAll("https?://\\S+", "https://t.co/AbC123xYz");
        }
        if (escapeEntities) {
            echoed = echoed.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("'", "&#39;");
        }
        if (!prefixed.isEmpty()) {
            echoed = String.join(" ", prefixed) + " " + echoed;
        }
        assertThat(EchoText.sameText(published, echoed))
                .as("%s echoed as %s", published, echoed)
                .isTrue();
    }

    @Property(tries = 500)
    void aDifferentWordNeverMatches(@ForAll("replies") String published, @ForAll("words") String extra) {
        assertThat(EchoText.sameText(published, published + " " + extra)).isFalse();
        assertThat(EchoText.sameText(published + " " + extra, published)).isFalse();
    }

    @Property(tries = 300)
    void normalisingIsIdempotent(@ForAll("replies") String text) {
        String once = EchoText.normalise(text);
        assertThat(EchoText.normalise(once)).isEqualTo(once);
    }

    @Example
    void theIssuesExamplesMatch() {
        assertThat(EchoText.sameText(
                        "Fees & charges: see https://bank.example/fees ^AB",
                        "@customer42 Fees &amp; charges: see https://t.co/x1Y2z3 ^AB"))
                .isTrue();
        assertThat(EchoText.sameText("We can't say <more> here", "We can&#39;t say &lt;more&gt; here"))
                .isTrue();
        assertThat(EchoText.sameText("It says &amp; literally", "It says &amp;amp; literally"))
                .isTrue();
        assertThat(EchoText.sameText("Please DM us ^AB", "Please DM us ^AC")).isFalse();
        assertThat(EchoText.sameText("Call 0800 123", "Call 0800 124")).isFalse();
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> word = Arbitraries.oneOf(
                words(),
                Arbitraries.of("&", "<b>", "it's", "\"quoted\"", "^AB", "€5", "caf\u00e9", "100%", "#fees"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(p -> "https://bank.example/" + p));
        return Combinators.combine(words(), word.list().ofMinSize(0).ofMaxSize(12))
                .as((first, rest) -> first + (rest.isEmpty() ? "" : " " + String.join(" ", rest)));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<List<String>> mentions() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(15)
                .map(h -> "@" + h)
                .list()
                .ofMaxSize(3);
    }
}
