package org.socialcare.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * A recorded payload file read as a stream of documents, in bounded memory whatever the file's size: each
 * top-level JSON value (one document, or one line of NDJSON) is one document, and a top-level array is handed on
 * in chunks of about {@link #CHUNK_BYTES} of whole elements, each chunk wrapped as an array so that the reader
 * sees the shape it would have seen whole. Jackson finds the boundaries (skipping values without building them);
 * the bytes of each document are then read from the file and decoded as strict UTF-8. Not thread-safe.
 */
final class RecordedFile implements AutoCloseable {
    /** Largest single document (8 MiB): a recorded page of API responses is far smaller. */
    static final int MAX_DOCUMENT_BYTES = 8 << 20;

    /** Array elements are handed on together up to about this many bytes. */
    static final int CHUNK_BYTES = 1 << 20;

    private static final JsonFactory BOUNDARIES = JsonFactory.builder().build();

    private final InputStream in;
    private final JsonParser parser;
    private final FileChannel bytes;
    private boolean inArray;
    private boolean arrayHadElements;

    private RecordedFile(InputStream in, JsonParser parser, FileChannel bytes) {
        this.in = in;
        this.parser = parser;
        this.bytes = bytes;
    }

    /** A file that is not JSON, ends too early, or holds a document over the size limit; the message is short. */
    static final class NotReadableException extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadableException(String message) {
            super(message);
        }
    }

    static RecordedFile open(Path file) throws IOException {
        FileChannel bytes = FileChannel.open(file, StandardOpenOption.READ);
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            return new RecordedFile(in, BOUNDARIES.createParser(in), bytes);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            if (in != null) {
                in.close();
            }
            throw e;
        }
    }

    /** The next document, or empty at the end of the file. */
    Optional<String> next() throws IOException, NotReadableException {
        try {
            while (true) {
                if (inArray) {
                    Optional<String> chunk = nextChunk();
                    if (chunk.isPresent()) {
                        return chunk;
                    }
                    continue;
                }
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return Optional.empty();
                }
                if (token == JsonToken.START_ARRAY) {
                    inArray = true;
                    arrayHadElements = false;
                    continue;
                }
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                return Optional.of(slice(start, parser.currentLocation().getByteOffset()));
            }
        } catch (JsonProcessingException e) {
            throw new NotReadableException(String.format(
                    Locale.ROOT,
                    "not valid JSON at byte %d: %s",
                    parser.currentLocation().getByteOffset(),
                    e.getOriginalMessage()));
        }
    }

    /** Whole elements of the current top-level array, up to the chunk size, as an array; empty when it ended. */
    private Optional<String> nextChunk() throws IOException, NotReadableException {
        long first = -1;
        long last = -1;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new NotReadableException("the file ends inside a top-level array");
            }
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            long end = parser.currentLocation().getByteOffset();
            checkSize(start, end);
            first = first < 0 ? start : first;
            last = end;
            if (last - first >= CHUNK_BYTES) {
                break;
            }
        }
        if (token == JsonToken.END_ARRAY) {
            inArray = false;
        }
        if (first >= 0) {
            arrayHadElements = true;
            return Optional.of("[" + slice(first, last) + "]");
        }
        return arrayHadElements ? Optional.empty() : Optional.of("[]");
    }

    private void checkSize(long start, long end) throws NotReadableException {
        if (end - start > MAX_DOCUMENT_BYTES) {
            throw new NotReadableException(String.format(
                    Locale.ROOT,
                    "the document at byte %d is %d bytes, larger than %d; not read",
                    start,
                    end - start,
                    MAX_DOCUMENT_BYTES));
        }
    }

    private String slice(long start, long end) throws IOException, NotReadableException {
        checkSize(start, end);
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
        long at = start;
        while (buffer.hasRemaining()) {
            int n = bytes.read(buffer, at);
            if (n < 0) {
                throw new NotReadableException("the file changed while it was read");
            }
            at += n;
        }
        buffer.flip();
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(buffer)
                .toString();
    }

    @Override
    public void close() throws IOException {
        try (in;
                bytes) {
            parser.close();
        }
    }
}
