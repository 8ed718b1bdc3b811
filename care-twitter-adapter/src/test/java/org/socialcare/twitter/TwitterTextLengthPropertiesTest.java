package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The plain-ASCII shortcut of {@link TwitterTextLimits#weightedLength} counts exactly what twitter-text counts. */
class TwitterTextLengthPropertiesTest {
    private final TwitterTextLimits limits = TwitterTextLimits.create();

    @Property(tries = 3000)
    void weighsEveryTextAsTwitterTextDoes(@ForAll("replyLike") String text) {
        assertThat(limits.weightedLength(text)).as(text).isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
    }

    @Example
    void aDottedHostTakesTheParseAndWeighsAsAUrl() {
        String text = "See example.com for help. Thanks";

        assertThat(TwitterTextLimits.plainAscii(text)).isFalse();
        assertThat(limits.weightedLength(text)).isEqualTo(4 + 23 + 17);
    }

    @Example
    void aSentenceWithoutHostsTakesTheShortcut() {
        String text = "Hi @ana, sorry to hear that. Please DM us your reference: we'll sort it out today!";

        assertThat(TwitterTextLimits.plainAscii(text)).isTrue();
        assertThat(limits.weightedLength(text)).isEqualTo(text.length());
    }

    /** Text built from the pieces that change a tweet's weight: hosts, schemes, dots, mentions, non-ASCII. */
    @Provide
    Arbitrary<String> replyLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(List.of(
                        " ",
                        ".",
                        ". ",
                        "..",
                        ":",
                        "/",
                        "//",
                        "@",
                        "#",
                        "$",
                        "-",
                        "_",
                        "?",
                        "=",
                        "&",
                        "\n",
                        "\t",
                        "http",
                        "https://",
                        "www",
                        "com",
                        "co",
                        "t.co/x",
                        "bank",
                        "localhost",
                        "1.2.3.4",
                        "org",
                        "é",
                        "ñ",
                        "\u0301",
                        "日本",
                        "🙂",
                        "\u200d",
                        "\ufeff",
                        "x.y",
                        "a.b.c",
                        "uk",
                        "es")),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6),
                Arbitraries.strings().ofMaxLength(3));
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }
}
