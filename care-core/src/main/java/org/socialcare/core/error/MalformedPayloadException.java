package org.socialcare.core.error;

/**
 * A platform payload that cannot be turned into messages. Names the field (JSON path or header) and what
 * was wrong; the desk keeps the raw payload as a dead letter.
 */
public class MalformedPayloadException extends CareException {
    private final String field;

    public MalformedPayloadException(String field, String problem) {
        super("malformed payload: " + field + ": " + problem);
        this.field = field;
    }

    public MalformedPayloadException(String field, String problem, Throwable cause) {
        super("malformed payload: " + field + ": " + problem, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
