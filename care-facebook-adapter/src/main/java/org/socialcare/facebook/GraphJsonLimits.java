package org.socialcare.facebook;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.socialcare.core.error.MalformedPayloadException;

/**
 * The limits a Graph or webhook body must keep before restfb's parser sees it, checked by one pass of Jackson's
 * streaming parser under {@link StreamReadConstraints}: at most {@value #MAX_DEPTH} levels of nesting, numbers of at
 * most {@value #MAX_NUMBER_LENGTH} characters (ids and times are shorter), strings of at most
 * {@value #MAX_STRING_LENGTH} characters. restfb's own parser has a nesting limit but no number or string limit, and
 * a huge number would later fail as an unexpected {@link NumberFormatException}; this check refuses such a body in
 * linear time with a {@link MalformedPayloadException} that names the limit and offset and never quotes the value.
 * Stateless and thread-safe.
 */
final class GraphJsonLimits {
    /** Deepest nesting of objects and arrays accepted. */
    static final int MAX_DEPTH = 128;
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string accepted, in characters. */
    static final int MAX_STRING_LENGTH = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(1024)
                    .build())
            // error messages quote at most a few characters of a bad token: bodies may hold card numbers
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(8)
                    .maxRawContentLength(0)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private GraphJsonLimits() {}

    /**
     * Checks that {@code text} is one JSON document within the limits.
     *
     * @param what the field named in the error ({@code "$"}, {@code "body"})
     * @throws MalformedPayloadException naming what is wrong and its character offset
     */
    static void check(String text, String what) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.VALUE_STRING) {
                        parser.getTextLength(); // completes the string, so its length is checked
                    }
                }
                // content after the first document is scanned too (so it keeps the limits); restfb refuses it
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new MalformedPayloadException(
                        what, "not valid JSON (" + problem(e) + " at offset " + Math.max(0, at.getCharOffset()) + ")");
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
}
