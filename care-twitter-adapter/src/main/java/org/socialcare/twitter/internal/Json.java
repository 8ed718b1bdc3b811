package org.socialcare.twitter.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * <b>Deprecated: the Twitter API emulator's JSON only.</b> The adapter reads payloads with Jackson
 * ({@code org.socialcare.twitter.TwitterJson}); this class stays only while {@code emulator.TwitterApiEmulator}
 * lives in this module, and goes when the emulator moves to care-emulators.
 *
 * <p>A small strict JSON (RFC 8259) reader and writer over plain Java values: objects are
 * {@code Map<String, Object>} in document order, arrays {@code List<Object>}, numbers {@link BigInteger} or
 * {@link BigDecimal} (so 64-bit tweet ids stay exact), strings, booleans and {@link #NULL}.
 *
 * <p>twitter4j keeps its own JSON classes package-private, so the adapter needs this to look at a payload's
 * structure (webhook envelopes, error bodies, DM {@code apps} maps) before handing status and DM objects to
 * {@code twitter4j.TwitterObjectFactory}. Not API. Stateless and thread-safe.
 */
@Deprecated // emulator only, removed when the emulator moves
public final class Json {
    /** JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonException naming the position and what was expected
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        p.skipWs();
        Object v = p.value();
        p.skipWs();
        if (p.pos != text.length()) {
            throw p.error("end of document");
        }
        return v;
    }

    /** A parse failure with the character offset where it happened. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        JsonException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private JsonException error(String expected) {
        String found = pos >= s.length() ? "end of input" : "'" + s.charAt(pos) + "'";
        return new JsonException("expected " + expected + " at offset " + pos + " but found " + found, pos);
    }

    private void skipWs() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Object value() {
        if (pos >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a value");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, pos)) {
            throw error("'" + word + "'");
        }
        pos += word.length();
        return v;
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWs();
        if (peek('}')) {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWs();
            if (!peek('"')) {
                throw error("a member name");
            }
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            map.put(key, value());
            skipWs();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                depth--;
                return map;
            } else {
                throw error("',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWs();
        if (peek(']')) {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWs();
            list.add(value());
            skipWs();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                depth--;
                return list;
            } else {
                throw error("',' or ']'");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("closing '\"'");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("an escaped control character");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("an escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("4 hex digits");
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(pos), 16);
                        if (d < 0) {
                            throw error("a hex digit");
                        }
                        cp = cp * 16 + d;
                        pos++;
                    }
                    b.append((char) cp);
                }
                default -> {
                    pos--;
                    throw error("a valid escape");
                }
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (pos < s.length() && s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
            digits();
        } else {
            throw error("a digit");
        }
        boolean integral = true;
        if (peek('.')) {
            integral = false;
            pos++;
            if (!(pos < s.length() && Character.isDigit(s.charAt(pos)))) {
                throw error("a digit after '.'");
            }
            digits();
        }
        if (peek('e') || peek('E')) {
            integral = false;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!(pos < s.length() && Character.isDigit(s.charAt(pos)))) {
                throw error("an exponent digit");
            }
            digits();
        }
        String t = s.substring(start, pos);
        return integral ? new BigInteger(t) : new BigDecimal(t);
    }

    private void digits() {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes a value built of maps, lists, strings, numbers, booleans and {@link #NULL} (or Java null) as compact JSON. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null || v == NULL) {
            b.append("null");
        } else if (v instanceof String str) {
            quote(b, str);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(b, l.get(i));
            }
            b.append(']');
        } else if (v instanceof Optional<?> o) {
            write(b, o.orElse(null));
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private static void quote(StringBuilder b, String str) {
        b.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // ------------------------------------------------------------------ navigation helpers

    /** The object at {@code v}, or empty when {@code v} is not an object. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> asObject(Object v) {
        return v instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** A member that is an object. */
    public static Optional<Map<String, Object>> object(Map<String, Object> o, String key) {
        return asObject(o.get(key));
    }

    /** A member that is a string, or a number given as its decimal text (Twitter sends ids both ways). */
    public static Optional<String> text(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (v instanceof String str) {
            return Optional.of(str);
        }
        if (v instanceof BigInteger n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    /** A member that is an integer or a string of digits, as a long. */
    public static Optional<Long> longValue(Map<String, Object> o, String key) {
        Object v = o.get(key);
        try {
            if (v instanceof BigInteger n) {
                return Optional.of(n.longValueExact());
            }
            if (v instanceof String str && str.matches("-?\\d{1,19}")) {
                return Optional.of(Long.parseLong(str));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
