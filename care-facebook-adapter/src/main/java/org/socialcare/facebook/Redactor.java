package org.socialcare.facebook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or a notice: the configured
 * secrets wherever they appear, and any {@code access_token}, {@code appsecret_proof}, {@code client_secret}
 * or {@code Bearer}/{@code OAuth} credential, including tokens that were never configured (old paging URLs
 * carry them). Immutable and thread-safe.
 */
final class Redactor {
    static final String MASK = "***";
    private static final Pattern PARAMS = Pattern.compile(
            "(?i)((?:access_token|appsecret_proof|client_secret|input_token|fb_exchange_token)(?:=|%3D|\"\\s*:\\s*\"))[^&\\s\"'<>]+");
    private static final Pattern AUTH = Pattern.compile("(?i)\\b(Bearer|OAuth)\\s+[A-Za-z0-9._\\-|%+/=]+");

    private static final Redactor GENERIC = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(Collection<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                s.add(secret);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    /** Knows no configured secret; still removes credential parameters and headers. */
    static Redactor generic() {
        return GENERIC;
    }

    static Redactor of(Collection<FacebookAdapterConfig> configs) {
        List<String> s = new ArrayList<>();
        for (FacebookAdapterConfig c : configs) {
            s.add(c.pageAccessToken());
            s.add(c.appSecret());
            s.add(c.verifyToken());
        }
        return new Redactor(s);
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = PARAMS.matcher(out).replaceAll("$1" + MASK);
        return AUTH.matcher(out).replaceAll("$1 " + MASK);
    }
}
