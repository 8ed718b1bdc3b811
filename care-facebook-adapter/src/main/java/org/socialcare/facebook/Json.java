package org.socialcare.facebook;

import com.restfb.json.JsonArray;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import com.restfb.json.ParseException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.error.MalformedPayloadException;

/**
 * Small, null-free readers over restfb's JSON tree ({@code com.restfb.json}), with errors that name the JSON path.
 * The parsing is restfb's; {@link #parse} first holds the text to {@link GraphJsonLimits}. Not API.
 */
final class Json {
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private Json() {}

    /** Parses text; malformed JSON names the position. */
    static JsonValue parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new MalformedPayloadException(what, "empty body, expected JSON");
        }
        GraphJsonLimits.check(text, what);
        try {
            return com.restfb.json.Json.parse(text);
        } catch (ParseException e) {
            throw new MalformedPayloadException(what, "not valid JSON (" + e.getMessage() + ")");
        }
    }

    static Optional<JsonValue> field(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** A string or number as text (ids come as both); booleans and structures are not text. */
    static Optional<String> text(JsonObject o, String name) {
        return field(o, name).flatMap(Json::asText);
    }

    static Optional<String> asText(JsonValue v) {
        if (v.isString()) {
            return Optional.of(v.asString());
        }
        if (v.isNumber()) {
            return Optional.of(v.toString());
        }
        return Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject o, String name) {
        return field(o, name).filter(JsonValue::isObject).map(JsonValue::asObject);
    }

    static Optional<JsonArray> array(JsonObject o, String name) {
        return field(o, name).filter(JsonValue::isArray).map(JsonValue::asArray);
    }

    /** The named member must be an object. */
    static JsonObject requireObject(JsonObject o, String name, String path) {
        JsonValue v = o.get(name);
        if (v == null || v.isNull()) {
            throw new MalformedPayloadException(path + "." + name, "missing");
        }
        if (!v.isObject()) {
            throw new MalformedPayloadException(path + "." + name, "expected an object but was " + kind(v));
        }
        return v.asObject();
    }

    /** The named member, if present, must be an array. */
    static List<JsonValue> optionalArray(JsonObject o, String name, String path) {
        JsonValue v = o.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MalformedPayloadException(path + "." + name, "expected an array but was " + kind(v));
        }
        return v.asArray().values();
    }

    static JsonObject asObject(JsonValue v, String path) {
        if (!v.isObject()) {
            throw new MalformedPayloadException(path, "expected an object but was " + kind(v));
        }
        return v.asObject();
    }

    /** Graph data lists live under {@code name.data}. */
    static List<JsonValue> dataOf(JsonObject o, String name) {
        return object(o, name)
                .flatMap(e -> array(e, "data"))
                .map(JsonArray::values)
                .orElse(List.of());
    }

    static String kind(JsonValue v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    /**
     * A Graph or webhook time: ISO text like {@code 2014-09-20T12:59:48+0000} or ISO-8601, or a number of epoch
     * seconds (milliseconds when it is that large, as Messenger sends).
     */
    static Optional<Instant> time(JsonObject o, String name) {
        return field(o, name).flatMap(Json::asTime);
    }

    static Optional<Instant> asTime(JsonValue v) {
        if (v.isNumber()) {
            try {
                return Optional.of(epoch(v.asLong()));
            } catch (NumberFormatException notALong) {
                return Optional.empty();
            }
        }
        if (v.isString()) {
            String s = v.asString().trim();
            if (s.matches("\\d{9,14}")) {
                return Optional.of(epoch(Long.parseLong(s)));
            }
            try {
                return Optional.of(
                        GRAPH_TIME.parse(s, java.time.OffsetDateTime::from).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
                } catch (DateTimeParseException e2) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
