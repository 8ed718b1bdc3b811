package org.socialcare.core.domain.reply;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Checks;

/**
 * Compares the text the desk published with the text the platform echoes back, ignoring what platforms change on
 * the way: @mentions prefixed to a reply (Twitter adds the customer's handle), HTML entities ({@code &amp;},
 * {@code &lt;}, {@code &#39;}, {@code &#x1F600;}), links rewritten by a shortener (t.co) or expanded, Unicode
 * composition (NFC) and runs of white space. Everything else (words, digits, punctuation, case) must be equal, so
 * an echo never matches a reply with other words. Pure; thread-safe.
 */
public final class EchoText {
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*@\\w{1,50})+(?=\\s|$)");
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String LINK_MARK = "\u0000link\u0000";

    private EchoText() {}

    /**
     * Whether {@code echoed} is {@code published} as a platform shows it. The echo is compared as it came and with
     * its HTML entities decoded once (platforms that escape do it once; the published text is never decoded, so a
     * reply that itself says {@code &amp;} still matches its escaped echo {@code &amp;amp;}).
     *
     * @throws IllegalArgumentException when either text is null
     */
    public static boolean sameText(String published, String echoed) {
        Checks.notNull(echoed, "echoed");
        String mine = normalise(published);
        return mine.equals(normalise(echoed)) || mine.equals(normalise(decodeEntities(echoed)));
    }

    /**
     * The comparable form: NFC, leading @mentions removed, each link replaced by one mark, white space collapsed and
     * trimmed. Idempotent. Entities are not decoded here (see {@link #sameText}).
     *
     * @throws IllegalArgumentException when {@code text} is null
     */
    public static String normalise(String text) {
        Checks.notNull(text, "text");
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = LINK.matcher(s).replaceAll(LINK_MARK);
        s = SPACE.matcher(s).replaceAll(" ").strip();
        s = LEADING_MENTIONS.matcher(s).replaceFirst("").strip();
        return s;
    }

    /** {@code text} with each HTML entity decoded once; unknown or invalid entities stay as they are. */
    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
            }
        };
    }
}
