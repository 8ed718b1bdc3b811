package org.socialcare.twitter;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The adapter's JSON tree: Jackson, bounded by {@link StreamReadConstraints}, for the payload structure around
 * statuses and DMs (webhook envelopes, error bodies, the {@code apps} and {@code users} maps), which
 * twitter4j cannot read because its JSON classes are package-private. Statuses, DMs and users go on to
 * {@code twitter4j.TwitterObjectFactory} as text written from the checked tree.
 *
 * <p>Limits: at most {@value #MAX_DEPTH} levels of nesting, numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters, strings of at most {@value #MAX_STRING_LENGTH} characters; a document beyond them fails fast (a
 * 500,000-digit number is refused after one linear scan, never converted). Integers stay exact (64-bit ids are
 * {@code long}, larger ones {@code BigInteger}), decimals are kept as written. Stateless and thread-safe.
 */
final class TwitterJson {
    /** Deepest nesting of objects and arrays accepted. */
    static final int MAX_DEPTH = 512;
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 1000;
    /** Longest string accepted, in characters (a DM holds at most 10,000). */
    static final int MAX_STRING_LENGTH = 1 << 20;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NUMBER_LENGTH)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    // error messages quote at most a few characters of a bad token: payloads may hold card numbers
                    .errorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(8)
                            .maxRawContentLength(0)
                            .build())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private TwitterJson() {}

    /** Text that is not one JSON document within the limits; the message names the problem and the offset. */
    static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJson(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses one JSON document (RFC 8259, nothing after it).
     *
     * @throws NotJson naming what is wrong and the character offset where it was found
     */
    static JsonNode parse(String text) {
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                node = MAPPER.readTree(parser);
                if (node != null && parser.nextToken() != null) {
                    throw new NotJson(
                            "unexpected content after the document at offset "
                                    + parser.currentTokenLocation().getCharOffset(),
                            null);
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new NotJson(problem(e) + " at offset " + Math.max(0, at.getCharOffset()), e);
            } catch (NumberFormatException | ArithmeticException e) {
                // a decimal whose exponent overflows an int: Jackson's message quotes the number, so it is not kept
                throw new NotJson(
                        "number out of range at offset "
                                + Math.max(0, parser.currentTokenLocation().getCharOffset()),
                        null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new NotJson("no JSON value at offset 0", null);
        }
        return node;
    }

    /** Jackson's message without location; its text buffer is shared by strings and numbers, so say both. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message.startsWith("String value length") ? "string or number too long: " + message : message;
    }

    /** {@code value} as compact JSON text, for twitter4j and for dead letters. */
    static String write(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** {@code value} as a JSON string literal. */
    static String quote(String value) {
        return write(MAPPER.getNodeFactory().textNode(value));
    }

    /** An empty object, for defaults. */
    static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    /** A member that is an object. */
    static Optional<ObjectNode> object(JsonNode o, String key) {
        return o.get(key) instanceof ObjectNode n ? Optional.of(n) : Optional.empty();
    }

    /** A member that is an array. */
    static Optional<JsonNode> array(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && v.isArray() ? Optional.of(v) : Optional.empty();
    }

    /** A member that is a string, or an integer given as its decimal text (Twitter sends ids both ways). */
    static Optional<String> text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (v.isIntegralNumber()) {
            return Optional.of(v.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    /** A member that is an integer or a string of digits, as a long; empty when absent or out of range. */
    static Optional<Long> longValue(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? Optional.of(v.longValue()) : Optional.empty();
        }
        if (v.isTextual() && v.textValue().matches("-?\\d{1,19}")) {
            try {
                return Optional.of(Long.parseLong(v.textValue()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
