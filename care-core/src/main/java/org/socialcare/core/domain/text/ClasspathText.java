package org.socialcare.core.domain.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.socialcare.core.domain.Checks;

/**
 * Reads a UTF-8 text resource from the class path and hands it to a parser: how the shipped rule, template and
 * keyword files are loaded. Stateless and thread-safe.
 */
public final class ClasspathText {
    private ClasspathText() {}

    /** Parses a reader; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Reader reader) throws IOException;
    }

    /**
     * Parses the resource {@code name}, resolved like {@link Class#getResourceAsStream(String)} against {@code anchor}.
     *
     * @param what what the resource holds, for error messages (e.g. "triage rules")
     * @throws IllegalArgumentException naming the resource when it is not on the class path
     * @throws UncheckedIOException naming the resource when it cannot be read
     */
    public static <T> T read(Class<?> anchor, String name, String what, Parser<T> parser) {
        Checks.notNull(anchor, "anchor");
        Checks.notBlank(name, "name");
        Checks.notNull(parser, "parser");
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        what + " resource '" + name + "' not found on the class path next to " + anchor.getName());
            }
            return parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " resource '" + name + "'", e);
        }
    }
}
