package org.socialcare.core.domain.guard;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.socialcare.core.domain.Checks;

/**
 * Which links the bank's replies may carry: only links to allow-listed domains (and their subdomains).
 * Finds links with a scheme ({@code https://...}), starting with {@code www.}, or bare domains with a common
 * top-level domain ({@code bank-refunds.com/claim}), the way platforms auto-link them. Immutable and
 * thread-safe.
 */
public final class LinkPolicy {
    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:\\bhttps?://|\\bwww\\.|(?<![@\\w.-])(?=[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|biz|io|co|uk|me|ly|gl|to|app|link|xyz|ru|cn|de|fr|es|it|eu|us|online|site|click|top|bank)\\b))"
                    + "([^\\s/?#<>\"',;!()]+)[^\\s<>\"']*");

    private final Set<String> allowedDomains;

    private LinkPolicy(Set<String> allowedDomains) {
        this.allowedDomains = allowedDomains;
    }

    /** Only links to these domains (and subdomains) are allowed; an empty set allows no links at all. */
    public static LinkPolicy allowOnly(Set<String> domains) {
        Checks.notNull(domains, "domains");
        return new LinkPolicy(domains.stream()
                .map(d -> normalise(Checks.notBlank(d, "domain")))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    /** The links in {@code text} whose host is not allow-listed, in order of appearance. */
    public List<String> disallowedLinks(String text) {
        Checks.notNull(text, "text");
        List<String> bad = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String host = normalise(m.group(1).replaceFirst(":\\d+$", "").replaceFirst("^[^@]*@", ""));
            if (!allowed(host)) {
                bad.add(m.group());
            }
        }
        return bad;
    }

    private boolean allowed(String host) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        return allowedDomains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    private static String normalise(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
