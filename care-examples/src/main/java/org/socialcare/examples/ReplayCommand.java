package org.socialcare.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.PayloadReading;
import org.socialcare.core.domain.sensitive.SensitiveDataDetector;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.domain.triage.TriageResult;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.port.out.PayloadReader;
import org.socialcare.facebook.FacebookPayloadReader;
import org.socialcare.twitter.TwitterPayloadReader;
import org.socialcare.twitter.v2.XPayloadReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code care-demo replay --platform twitter|x|facebook FILE...}: reads recorded API responses or webhook bodies
 * with the adapter's own parsing and echo rules and prints one JSON line per customer message with what the
 * default policies make of it. Sensitive data is printed masked, never raw. The bank's own messages and
 * retweets are not printed; a summary on standard error counts what was skipped and why. Exit code 1 when a
 * file could not be read or was malformed (one error line each), else 0. Files are streamed (see
 * {@link RecordedFile}): a file of any size is read in bounded memory, one document or one chunk of a top-level
 * array at a time.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Parses recorded platform payloads and prints one JSON line per customer message with its triage.")
public final class ReplayCommand implements Callable<Integer> {
    static final Map<String, Supplier<PayloadReader>> READERS = new TreeMap<>(Map.of(
            "twitter", TwitterPayloadReader::create,
            "x", XPayloadReader::create, // API v2 responses and X Activity API webhook bodies
            "facebook", FacebookPayloadReader::forReplay));

    @Option(
            names = "--platform",
            required = true,
            description = "Platform of the payloads: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Platforms.class)
    String platform;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Payload files (JSON or NDJSON).")
    List<Path> files;

    private static final ObjectMapper LINES = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;

    public ReplayCommand() {
        this(System.out, System.err);
    }

    ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final class Platforms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return READERS.keySet().iterator();
        }
    }

    @Override
    public Integer call() {
        Supplier<PayloadReader> factory = READERS.get(platform.toLowerCase(java.util.Locale.ROOT));
        if (factory == null) {
            err.println("error: unknown platform '" + platform + "'; expected one of " + READERS.keySet());
            return 2;
        }
        PayloadReader reader = factory.get();
        Triage triage = Triage.ofDefaults();
        SensitiveDataDetector detector = triage.detector();
        Map<String, Integer> skipped = new TreeMap<>();
        int printed = 0;
        int own = 0;
        int failed = 0;
        for (Path file : files) {
            FileTally tally = new FileTally();
            try (RecordedFile recorded = RecordedFile.open(file)) {
                Optional<String> document;
                while ((document = recorded.next()).isPresent()) {
                    PayloadReading reading = reader.read(document.get());
                    for (String notice : reading.notices()) {
                        err.println("note: " + file + ": " + notice);
                    }
                    for (InboundMessage m : reading.customerMessages()) {
                        out.println(line(m, triage.classify(m), detector));
                        printed++;
                    }
                    own += reading.ownMessages().size();
                    reading.skipped()
                            .forEach(s -> skipped.merge(s.reason().replaceAll("\\d{3,}", "#"), 1, Integer::sum));
                    tally.add(reading);
                }
                if (tally.empty()) {
                    err.println("note: " + file + ": no messages in this payload");
                }
            } catch (NoSuchFileException e) {
                err.println("error: " + file + ": no such file");
                failed++;
            } catch (CharacterCodingException e) {
                err.println("error: " + file + ": not UTF-8 text");
                failed++;
            } catch (RecordedFile.NotReadableException e) {
                err.println("error: " + file + ": " + shown(e.getMessage(), detector));
                failed++;
            } catch (MalformedPayloadException e) {
                err.println("error: " + file + ": " + shown(e.getMessage(), detector));
                failed++;
            } catch (IOException e) {
                err.println("error: " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
                failed++;
            }
        }
        StringBuilder summary = new StringBuilder("replay: ")
                .append(printed)
                .append(" customer message(s) from ")
                .append(files.size())
                .append(" file(s); not printed: ")
                .append(own)
                .append(" of the bank's own");
        skipped.forEach((why, n) -> summary.append(", ").append(n).append(' ').append(why));
        if (failed > 0) {
            summary.append("; ").append(failed).append(" file(s) failed");
        }
        err.println(summary);
        return failed > 0 ? 1 : 0;
    }

    /** An error message as printed: masked, on one line, at most 300 characters. */
    static String shown(String message, SensitiveDataDetector detector) {
        String line =
                detector.mask(String.valueOf(message)).replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    /** Whether a file held anything at all, for the "no messages" note. */
    private static final class FileTally {
        private boolean any;

        void add(PayloadReading reading) {
            any |= !reading.customerMessages().isEmpty()
                    || !reading.notices().isEmpty()
                    || !reading.skipped().isEmpty()
                    || !reading.ownMessages().isEmpty();
        }

        boolean empty() {
            return !any;
        }
    }

    /** One output line: a compact JSON object written by Jackson, fields in this order. */
    static String line(InboundMessage m, TriageResult t, SensitiveDataDetector detector) {
        ObjectNode f = LINES.createObjectNode();
        f.put("platform", m.platform().name());
        f.put("messageId", m.key().messageId());
        f.put(
                "conversationKey",
                m.platform() + ":" + m.channel() + ":" + m.author().platformUserId());
        f.put("authorId", m.author().platformUserId());
        f.put("authorHandle", m.author().handle());
        f.put("followers", m.author().followerCount());
        f.put("visibility", m.visibility().name());
        f.put("inReplyTo", m.inReplyTo().orElse(null));
        f.put("createdAt", m.createdAt().toString());
        f.put("text", detector.mask(m.text()));
        f.put("category", t.category().name());
        f.put("sentiment", t.sentiment().name());
        ArrayNode flags = f.putArray("riskFlags");
        t.riskFlags().stream().map(Enum::name).sorted().forEach(flags::add);
        f.put("influence", t.influence().name());
        ArrayNode sensitive = f.putArray("sensitiveData");
        t.sensitiveData()
                .forEach(s -> sensitive.addObject().put("kind", s.kind().name()).put("masked", s.masked()));
        try {
            return LINES.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replay line could not be written", e);
        }
    }
}
