package org.socialcare.examples.webchat;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web chat API's JSON, read and written by Jackson. Reads strict JSON with integers only: objects, arrays,
 * strings, integers that fit a {@code long}, {@code true}, {@code false} and {@code null}; fractions, exponents,
 * duplicate keys, trailing commas and trailing content are rejected with an {@link IllegalArgumentException} naming
 * the problem and the character offset. Jackson's {@link StreamReadConstraints} bound the document: at most
 * {@value #MAX_DEPTH} levels of nesting, {@value #MAX_STRING_LENGTH} characters per string, numbers of at most 20
 * characters. Values: {@code Map<String,Object>} (document order), {@code List<Parsed>} (each element with its
 * exact source text, so one bad item of a page can be kept raw), {@code String}, {@code Long}, {@code Boolean},
 * {@link #NULL}. Stateless; thread-safe.
 */
final class ChatJson {
    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deepest nesting of objects and arrays accepted: a page is three levels deep. */
    static final int MAX_DEPTH = 32;
    /** Longest string accepted, in characters. */
    static final int MAX_STRING_LENGTH = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(1024)
                    .maxNumberLength(20)
                    .build())
            // error messages quote at most a few characters of a bad token: chat text may hold card numbers
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(8)
                    .maxRawContentLength(0)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper WRITER = JsonMapper.builder(FACTORY).build();

    private ChatJson() {}

    /** A value with the exact text it was read from. */
    record Parsed(Object value, String raw) {}

    /** Parses one complete JSON document. */
    static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    throw new IllegalArgumentException("cut short at offset " + text.length());
                }
                Object value = value(parser, text);
                if (parser.nextToken() != null) {
                    throw error("unexpected content after the document", parser.currentTokenLocation());
                }
                return value;
            } catch (JsonProcessingException e) {
                throw error(problem(e), e.getLocation() != null ? e.getLocation() : parser.currentLocation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Jackson's message without location; its text buffer is shared by strings and numbers, so say both. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message.startsWith("String value length") ? "string or number too long: " + message : message;
    }

    /** {@code s} as a JSON string literal; non-ASCII characters stay as they are (UTF-8 on the wire). */
    static String quote(String s) {
        return write(s);
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, null) as compact JSON. */
    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** The value at the parser's current token, leaving the parser on its last token. */
    private static Object value(JsonParser p, String text) throws IOException {
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> object(p, text);
            case START_ARRAY -> array(p, text);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw error("number out of range", p.currentTokenLocation());
                }
                yield p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> throw error("only integers are allowed", p.currentTokenLocation());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> throw error("a value expected", p.currentTokenLocation());
        };
    }

    private static Map<String, Object> object(JsonParser p, String text) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, value(p, text));
        }
        return map;
    }

    private static List<Parsed> array(JsonParser p, String text) throws IOException {
        List<Parsed> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int start = (int) p.currentTokenLocation().getCharOffset();
            Object element = value(p, text);
            // a container ends at its closing token; a scalar is fully consumed, so the reader stands right after it
            int end = p.currentToken().isStructEnd()
                    ? (int) p.currentTokenLocation().getCharOffset() + 1
                    : (int) p.currentLocation().getCharOffset();
            list.add(new Parsed(element, text.substring(start, end)));
        }
        return list;
    }

    private static IllegalArgumentException error(String what, JsonLocation at) {
        long offset = at == null ? -1 : at.getCharOffset();
        return new IllegalArgumentException(what + " at offset " + Math.max(offset, 0));
    }
}
