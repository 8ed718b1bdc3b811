package org.socialcare.core.domain.reply;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.ReplyKind;
import org.socialcare.core.domain.text.ClasspathText;

/**
 * Fills reply templates and signs replies.
 *
 * <p>A template has a key and a text per language; placeholders in braces are replaced: {@code {customer}}
 * (the customer's display name, else their @handle), {@code {handle}} (@handle), {@code {agent}} (the agent's
 * display name), {@code {initials}}, {@code {faq:KEY}} (a link from the FAQ catalogue) and any other name,
 * taken from the {@link TemplateContext}'s values. The variant is chosen by the context's language (exact tag,
 * then primary language), then the composer's default language, then the first one configured.
 *
 * <p>The signature ({@code " ^{initials}"} by default) is appended by {@link #sign} to the configured kinds
 * (default: every kind that carries text) unless the text already ends with it.
 *
 * <p>{@link #ofDefaults()} loads the shipped templates ({@code move-to-private}, {@code on-hold-apology},
 * {@code fraud}, {@code card-posted-publicly}, {@code thanks}, English and Spanish) from
 * {@code org/socialcare/core/domain/reply/reply-templates.properties}; {@link #load} reads the same format
 * ({@code template.KEY.LANG=text}, {@code faq.KEY=https://...}, {@code signature=...}).
 *
 * <p>Immutable and thread-safe. Errors are {@link IllegalArgumentException}s naming the template and placeholder.
 */
public final class ReplyComposer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)(?::([A-Za-z0-9_.-]+))?}");
    private static final String RESOURCE = "/org/socialcare/core/domain/reply/reply-templates.properties";
    public static final String DEFAULT_SIGNATURE = " ^{initials}";

    private final Map<String, Map<String, String>> templates;
    private final Map<String, URI> faqs;
    private final String signature;
    private final Set<ReplyKind> signedKinds;
    private final String defaultLanguage;

    private ReplyComposer(Builder b) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        b.templates.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        templates = Map.copyOf(copy);
        faqs = Map.copyOf(b.faqs);
        signature = b.signature;
        signedKinds = Set.copyOf(b.signedKinds);
        defaultLanguage = b.defaultLanguage;
    }

    private static final class Defaults {
        static final ReplyComposer INSTANCE = loadResource();

        private static ReplyComposer loadResource() {
            return ClasspathText.read(ReplyComposer.class, RESOURCE, "reply templates", r -> load(r, RESOURCE)
                    .build());
        }
    }

    /** The shipped templates, no FAQ links, signature {@value #DEFAULT_SIGNATURE}, default language en. */
    public static ReplyComposer ofDefaults() {
        return Defaults.INSTANCE;
    }

    /** An empty builder: no templates, default signature, default language en. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these templates, links and settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        templates.forEach((k, v) -> b.templates.put(k, new LinkedHashMap<>(v)));
        b.faqs.putAll(faqs);
        b.signature = signature;
        b.signedKinds = EnumSet.copyOf(signedKinds);
        b.defaultLanguage = defaultLanguage;
        return b;
    }

    /**
     * Reads templates in properties format into a builder (so the caller can add to them).
     *
     * @throws IllegalArgumentException naming {@code source} and the key for unknown keys or bad values
     */
    public static Builder load(Reader reader, String source) {
        Checks.notNull(reader, "reader");
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reply templates from " + source, e);
        }
        Builder b = builder();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key);
            try {
                if (key.equals("signature")) {
                    b.signature(value);
                } else if (key.equals("language")) {
                    b.defaultLanguage(value.strip());
                } else if (key.startsWith("faq.")) {
                    b.faq(key.substring(4), URI.create(value.strip()));
                } else if (key.startsWith("template.") && key.lastIndexOf('.') > "template.".length()) {
                    int dot = key.lastIndexOf('.');
                    b.template(key.substring("template.".length(), dot), key.substring(dot + 1), value);
                } else {
                    throw new IllegalArgumentException(
                            "unknown key '" + key + "'; expected template.KEY.LANG, faq.KEY, signature or language");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reply templates " + source + ": " + e.getMessage(), e);
            }
        }
        return b;
    }

    /** The template keys. */
    public Set<String> templateKeys() {
        return new TreeSet<>(templates.keySet());
    }

    /** The link of an FAQ entry. */
    public Optional<URI> faq(String key) {
        return Optional.ofNullable(faqs.get(key));
    }

    /**
     * The text of template {@code key} for {@code context}, unsigned.
     *
     * @throws IllegalArgumentException naming the template for an unknown key, or a placeholder without a value
     */
    public String compose(String key, TemplateContext context) {
        Checks.notBlank(key, "template key");
        Checks.notNull(context, "context");
        Map<String, String> variants = templates.get(key);
        if (variants == null) {
            throw new IllegalArgumentException("unknown template '" + key + "'; templates are " + templateKeys());
        }
        String body = context.language()
                .flatMap(l -> variant(variants, l))
                .or(() -> variant(variants, defaultLanguage))
                .orElseGet(() -> variants.values().iterator().next());
        return fill(key, body, context.customer(), context.agent(), context.values());
    }

    /** The template for {@code context}, signed for {@code kind}. */
    public String compose(String key, TemplateContext context, ReplyKind kind) {
        return sign(compose(key, context), context.agent(), kind);
    }

    /** {@code text} with the agent's signature when {@code kind} is signed and the text does not end with it already. */
    public String sign(String text, Agent agent, ReplyKind kind) {
        Checks.notNull(text, "text");
        Checks.notNull(agent, "agent");
        Checks.notNull(kind, "kind");
        if (!signedKinds.contains(kind) || signature.isEmpty()) {
            return text;
        }
        String sig = fill("signature", signature, null, agent, Map.of());
        return text.stripTrailing().endsWith(sig.strip()) ? text : text.stripTrailing() + sig;
    }

    private static Optional<String> variant(Map<String, String> variants, String tag) {
        String exact = variants.get(tag);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dash = tag.indexOf('-');
        return Optional.ofNullable(variants.get((dash > 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT)));
    }

    private String fill(String key, String body, Party customer, Agent agent, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String arg = m.group(2);
            String value;
            if (arg != null) {
                if (!name.equals("faq")) {
                    throw new IllegalArgumentException(
                            "template '" + key + "' uses {" + name + ":" + arg + "}; only {faq:KEY} takes an argument");
                }
                URI link = faqs.get(arg);
                if (link == null) {
                    throw new IllegalArgumentException("template '" + key + "' links FAQ '" + arg
                            + "', which is not in the catalogue " + new TreeSet<>(faqs.keySet()));
                }
                value = link.toString();
            } else {
                value = switch (name) {
                    case "customer" ->
                        customer == null
                                ? null
                                : customer.displayName()
                                        .filter(n -> !n.isBlank())
                                        .orElse(handle(customer));
                    case "handle" -> customer == null ? null : handle(customer);
                    case "agent" -> agent.displayName();
                    case "initials" -> agent.initials();
                    default -> values.get(name);
                };
                if (value == null) {
                    throw new IllegalArgumentException("template '" + key + "' needs a value for {" + name + "}");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String handle(Party p) {
        String h = p.handle();
        return h.isBlank() ? p.platformUserId() : h.startsWith("@") ? h : "@" + h;
    }

    @Override
    public String toString() {
        return "ReplyComposer[templates=" + templateKeys() + ", faqs=" + new TreeSet<>(faqs.keySet()) + "]";
    }

    /** Builds a {@link ReplyComposer}; validates placeholders and FAQ links eagerly. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Map<String, String>> templates = new LinkedHashMap<>();
        private final Map<String, URI> faqs = new LinkedHashMap<>();
        private String signature = DEFAULT_SIGNATURE;
        private Set<ReplyKind> signedKinds =
                EnumSet.of(ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE, ReplyKind.PRIVATE_REPLY_TO_COMMENT);
        private String defaultLanguage = "en";

        private Builder() {}

        /**
         * Adds (or replaces) the {@code language} variant of template {@code key}.
         *
         * @throws IllegalArgumentException for a blank key, language or text, or a malformed placeholder
         */
        public Builder template(String key, String language, String text) {
            Checks.notBlank(key, "template key");
            Checks.notBlank(language, "template language");
            Checks.notBlank(text, "template text");
            int open = text.indexOf('{');
            if (open >= 0) {
                String stripped = PLACEHOLDER.matcher(text).replaceAll("");
                if (stripped.indexOf('{') >= 0 || stripped.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("template '" + key + "' (" + language
                            + ") has a malformed placeholder; use {name} or {faq:KEY}");
                }
            }
            templates.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(language, text.strip());
            return this;
        }

        /**
         * Adds an FAQ link, used as {@code {faq:key}}.
         *
         * @throws IllegalArgumentException unless the link is an absolute http(s) URI
         */
        public Builder faq(String key, URI link) {
            Checks.notBlank(key, "faq key");
            Checks.notNull(link, "faq link");
            if (!link.isAbsolute()
                    || !(link.getScheme().equals("https") || link.getScheme().equals("http"))) {
                throw new IllegalArgumentException(
                        "faq '" + key + "' must be an absolute http(s) link but was '" + link + "'");
            }
            faqs.put(key, link);
            return this;
        }

        /** The signature appended to signed kinds; may use {initials} and {agent}; empty to sign nothing. */
        public Builder signature(String format) {
            Checks.notNull(format, "signature");
            String rest = PLACEHOLDER.matcher(format).replaceAll("");
            if (rest.indexOf('{') >= 0) {
                throw new IllegalArgumentException("signature '" + format + "' has a malformed placeholder");
            }
            Matcher m = PLACEHOLDER.matcher(format);
            while (m.find()) {
                if (!m.group(1).equals("initials") && !m.group(1).equals("agent")) {
                    throw new IllegalArgumentException(
                            "signature may use {initials} and {agent} but uses {" + m.group(1) + "}");
                }
            }
            signature = format;
            return this;
        }

        /** The kinds {@link #sign} signs. */
        public Builder signedKinds(Set<ReplyKind> kinds) {
            Checks.notNull(kinds, "signedKinds");
            signedKinds = kinds.isEmpty() ? EnumSet.noneOf(ReplyKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        public Builder defaultLanguage(String tag) {
            defaultLanguage = Checks.notBlank(tag, "defaultLanguage");
            return this;
        }

        /**
         * @throws IllegalArgumentException if a template links an FAQ key that is not configured
         */
        public ReplyComposer build() {
            templates.forEach((key, variants) -> variants.forEach((lang, text) -> {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (m.group(2) != null && (!m.group(1).equals("faq") || !faqs.containsKey(m.group(2)))) {
                        throw new IllegalArgumentException("template '" + key + "' (" + lang + ") uses {" + m.group(1)
                                + ":" + m.group(2) + "}, but the FAQ catalogue holds " + new TreeSet<>(faqs.keySet()));
                    }
                }
            }));
            return new ReplyComposer(this);
        }
    }
}
