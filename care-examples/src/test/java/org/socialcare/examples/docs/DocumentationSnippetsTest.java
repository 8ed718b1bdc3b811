package org.socialcare.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs cannot drift from the code: every Java block in README.md, docs/ and the modules' READMEs is compiled
 * against the real modules, and every class a doc names in backticks exists.
 *
 * <p>A block is compiled as the body of a method, or, when it declares types, as members of a class. What it
 * uses without declaring (the reader's {@code dataSource}, a publisher of theirs) is declared in an HTML comment
 * right above the block: {@code <!-- snippet-context: DataSource dataSource; ChannelPublisher twitter; -->}
 * (class members, so fields, methods and helper classes all work). The method declares no checked exception: a
 * block that calls one that throws must show how it is handled. A block that quotes part of a source file is
 * marked {@code <!-- snippet-excerpt: path/from/the/root/File.java -->}: its lines must appear, in order, in that
 * file, which the build compiles.
 */
class DocumentationSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CONTEXT = Pattern.compile("<!--\\s*snippet-context:(.*?)-->", Pattern.DOTALL);
    private static final Pattern EXCERPT = Pattern.compile("<!--\\s*snippet-excerpt:\\s*(\\S+)\\s*-->");
    private static final Pattern DECLARES = Pattern.compile(
            "^(@\\w+.*\\s+)?((public|protected|private|static|final|abstract|sealed)\\s+)*"
                    + "(class|record|interface|enum)\\s+\\w+",
            Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)[.(`<]");

    /** JDK and library packages a doc may name classes from; the care packages are found in the sources. */
    private static final List<String> LIBRARY_PACKAGES = List.of(
            "java.lang",
            "java.util",
            "java.util.concurrent",
            "java.util.function",
            "java.time",
            "java.io",
            "java.net",
            "java.net.http",
            "java.nio.file",
            "java.nio.charset",
            "java.security",
            "java.sql",
            "javax.sql",
            "javax.crypto",
            "com.sun.net.httpserver",
            "com.fasterxml.jackson.core",
            "com.fasterxml.jackson.databind",
            "com.restfb",
            "com.restfb.json",
            "com.restfb.types.webhook",
            "com.restfb.types.webhook.messaging",
            "twitter4j",
            "twitter4j.v1",
            "io.micrometer.core.instrument",
            "io.micrometer.core.instrument.binder",
            "org.junit.jupiter.api",
            "com.zaxxer.hikari");

    /**
     * Names of other projects' types that docs mention for comparison or explanation, not available here; each
     * with where it comes from.
     */
    private static final Set<String> FOREIGN = Set.of(
            "Mongo", // a store the testkit README imagines
            "AbstractLockProviderIntegrationTest", // ShedLock's contract tests, cited as the model for the testkit
            "Hashing", // Guava, named as what the adapter support does not use
            "OAuthAuthorization", // twitter4j 4.1 internals the README explains
            "HttpParameter", // twitter4j
            "JSONObject", // twitter4j's bundled JSON
            "ErrorReportConfiguration", // Jackson 2.16+ error report settings
            "DataSource", // javax.sql, also named in YAML prose
            "MessageItem",
            "MessagingItem",
            "PostbackItem",
            "FeedCommentValue",
            "FeedPostValue",
            "Change",
            "WebhookObject", // restfb webhook types
            "Properties"); // java.util, named in prose

    private static Set<String> repositoryTypes;
    private static List<String> carePackages;

    @BeforeAll
    static void scanSources() throws IOException {
        Pattern declaration = Pattern.compile(
                "^\\s*(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*"
                        + "(?:class|record|interface|enum|@interface)\\s+([A-Z]\\w*)",
                Pattern.MULTILINE);
        repositoryTypes = new TreeSet<>();
        Map<String, String> packages = new java.util.TreeMap<>(); // package -> one of its classes
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList()) {
                String source = Files.readString(f);
                Matcher m = declaration.matcher(source);
                while (m.find()) {
                    repositoryTypes.add(m.group(1));
                }
                String path = ROOT.relativize(f).toString();
                if (path.contains("/src/main/java/")) {
                    Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE)
                            .matcher(source);
                    String file = f.getFileName().toString().replace(".java", "");
                    if (pkg.find() && !file.contains("-")) {
                        packages.putIfAbsent(pkg.group(1), pkg.group(1) + "." + file);
                    }
                }
            }
        }
        ClassLoader loader = DocumentationSnippetsTest.class.getClassLoader();
        carePackages = packages.entrySet().stream()
                .filter(p -> loads(loader, p.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(docs::add);
        }
        return docs;
    }

    record Snippet(Path doc, int line, String code, String context, String excerptOf) {
        String where() {
            return ROOT.relativize(doc) + ":" + line;
        }
    }

    static List<Snippet> snippets(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            String before = commentAbove(lines, i);
            Matcher context = CONTEXT.matcher(before);
            Matcher excerpt = EXCERPT.matcher(before);
            found.add(new Snippet(
                    doc,
                    start,
                    String.join("\n", lines.subList(start, end)),
                    context.find() ? context.group(1).strip() : "",
                    excerpt.find() ? excerpt.group(1) : ""));
            i = end;
        }
        return found;
    }

    /** The HTML comment(s) directly above a fence (blank lines allowed in between). */
    private static String commentAbove(List<String> lines, int fence) {
        int j = fence - 1;
        while (j >= 0 && lines.get(j).isBlank()) {
            j--;
        }
        if (j < 0 || !lines.get(j).strip().endsWith("-->")) {
            return "";
        }
        int end = j;
        while (j >= 0 && !lines.get(j).contains("<!--")) {
            j--;
        }
        return j < 0 ? "" : String.join("\n", lines.subList(j, end + 1));
    }

    @Test
    void everyJavaBlockInTheDocsCompilesAgainstTheModules() throws IOException {
        List<Snippet> compiled = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path doc : documents()) {
            for (Snippet s : snippets(doc)) {
                if (s.excerptOf().isEmpty()) {
                    compiled.add(s);
                } else {
                    checkExcerpt(s).ifPresent(failures::add);
                }
            }
        }
        assertThat(compiled).as("Java blocks found in the docs").hasSizeGreaterThan(10);
        failures.addAll(compile(compiled));
        assertThat(failures)
                .as("docs whose Java does not compile or quote their source")
                .isEmpty();
    }

    @Test
    void everyClassADocNamesExists() throws IOException {
        ClassLoader loader = DocumentationSnippetsTest.class.getClassLoader();
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher m = NAMED.matcher(text);
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            Set<String> declaredInDoc = new TreeSet<>();
            for (Snippet s : snippets(doc)) {
                String code =
                        s.code().replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
                Matcher created = Pattern.compile("\\b([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\\s*[.(]")
                        .matcher(code);
                while (created.find()) {
                    names.add(created.group(1));
                }
                Matcher declared = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)")
                        .matcher(s.context() + "\n" + code);
                while (declared.find()) {
                    declaredInDoc.add(declared.group(1));
                }
            }
            names.removeAll(declaredInDoc);
            for (String name : names) {
                boolean known = repositoryTypes.contains(name)
                        || FOREIGN.contains(name)
                        || LIBRARY_PACKAGES.stream().anyMatch(p -> loads(loader, p + "." + name));
                if (!known) {
                    missing.add(ROOT.relativize(doc) + ": " + name);
                }
            }
        }
        assertThat(missing).as("classes named in the docs that do not exist").isEmpty();
    }

    private static boolean loads(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static java.util.Optional<String> checkExcerpt(Snippet s) throws IOException {
        Path source = ROOT.resolve(s.excerptOf());
        if (!Files.isRegularFile(source)) {
            return java.util.Optional.of(s.where() + ": quotes " + s.excerptOf() + ", which does not exist");
        }
        String file = squash(Files.readAllLines(source).stream()
                .map(l -> l.replaceAll("\\s*//.*$", ""))
                .collect(Collectors.joining(" ")));
        int at = 0;
        for (String line :
                s.code().lines().map(l -> squash(l.replaceAll("\\s*//.*$", ""))).toList()) {
            if (line.isEmpty() || line.equals("...")) {
                continue;
            }
            int found = file.indexOf(line, at);
            if (found < 0) {
                return java.util.Optional.of(s.where() + ": not found (in order) in " + s.excerptOf() + ": " + line);
            }
            at = found + line.length();
        }
        return java.util.Optional.empty();
    }

    /** White space collapsed, and none next to brackets, dots and commas, so line breaks do not matter. */
    private static String squash(String code) {
        return code.replaceAll("\\s+", " ")
                .replaceAll(" ?([()\\[\\].,;?:]) ?", "$1")
                .strip();
    }

    private List<String> compile(List<Snippet> snippets) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, Snippet> byClass = new LinkedHashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        String imports = Stream.concat(carePackages.stream(), LIBRARY_PACKAGES.stream())
                .filter(p -> !p.equals("java.lang") && !p.startsWith("io.micrometer"))
                .map(p -> "import " + p + ".*;")
                .collect(Collectors.joining("\n"));
        for (Snippet s : snippets) {
            String name = "Snippet" + byClass.size();
            byClass.put(name, s);
            String code = s.code().strip();
            boolean declares = DECLARES.matcher(code).lookingAt();
            String body = declares ? code : "void snippet() {\n" + code + "\n}";
            String source = "package snippets;\n" + imports + "\n@SuppressWarnings(\"all\")\nabstract class " + name
                    + " {\n" + s.context() + "\n" + body + "\n}\n";
            units.add(
                    new SimpleJavaFileObject(
                            URI.create("string:///snippets/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    });
        }
        Path out = Files.createTempDirectory("snippets");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    out.toString(),
                    "-proc:none",
                    "-Xlint:none");
            javac.getTask(new StringWriter(), files, diagnostics, options, null, units)
                    .call();
        }
        Map<String, String> firstError = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                continue;
            }
            String unit = Path.of(d.getSource().toUri().getPath())
                    .getFileName()
                    .toString()
                    .replace(".java", "");
            firstError.putIfAbsent(unit, d.getMessage(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return firstError.entrySet().stream()
                .map(e -> byClass.get(e.getKey()).where() + ": " + e.getValue())
                .toList();
    }
}
