package org.socialcare.examples.demo.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.socialcare.core.memory.InMemoryStorage;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDayRun;

/**
 * Runs a small care day through the real adapters and the emulators with every logger at DEBUG (restfb's and
 * twitter4j's HTTP logging, the desk's; Jetty at INFO, see docs/security.md) and reads every line and every exception text: no consumer or app
 * secret, access token, page token, {@code appsecret_proof}, verify token, full card number or IBAN appears.
 */
class DemoLogHygieneTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    /** 13 to 19 digits (spaces, dashes allowed) starting as card schemes do (3 to 6): platform ids start with 1. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d:])[3-6](?:[ -]?\\d){12,18}(?!\\d)");

    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b");

    @Test
    void aDemoDayLoggedAtDebugLeaksNoSecretCardNumberOrIban() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Map<String, Level> children = new ConcurrentHashMap<>();
        for (String name : List.of("org.socialcare", "com.restfb", "twitter4j", "org.eclipse.jetty")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            if (l.getLevel() != null) {
                children.put(name, l.getLevel());
            }
            // Jetty (the example endpoint's server, not a care module) prints request URIs at DEBUG, and Facebook
            // puts hub.verify_token in the URI: docs/security.md says to keep org.eclipse.jetty at INFO
            l.setLevel(name.equals("org.eclipse.jetty") ? Level.INFO : Level.DEBUG);
        }
        List<String> lines = new ArrayList<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected synchronized void append(ILoggingEvent e) {
                StringBuilder line = new StringBuilder(e.getLoggerName() + " " + e.getFormattedMessage());
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                    for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                        line.append(' ').append(s.getSTEAsString());
                    }
                }
                lines.add(line.toString());
            }
        };
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        CareDayRun.Outcome day;
        try {
            day = CareDayRun.run(InMemoryStorage.create(), CareDayRun.Platforms.EMULATED, 60, 42, 0, QUIET);
        } finally {
            root.detachAppender(capture);
            root.setLevel(before);
            for (String name : List.of("org.socialcare", "com.restfb", "twitter4j", "org.eclipse.jetty")) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(children.get(name));
            }
        }
        EmulatedPlatforms platforms = day.platforms().orElseThrow();
        List<String> secrets = new ArrayList<>();
        GraphApiEmulator graph = platforms.graph();
        secrets.add(graph.pageToken());
        secrets.add(graph.appSecret());
        secrets.add(hmacHex(graph.appSecret(), graph.pageToken()));
        secrets.add("northbank-demo-verify-token");
        for (var channel : List.of(
                BankSetup.TWITTER_BRAND,
                BankSetup.TWITTER_CARE,
                BankSetup.TWITTER_CARDS,
                BankSetup.TWITTER_MORTGAGES)) {
            TwitterApiEmulator t = platforms.twitter(channel);
            secrets.addAll(List.of(t.consumerSecret(), t.accessToken(), t.accessTokenSecret()));
        }

        List<String> snapshot;
        synchronized (capture) {
            snapshot = List.copyOf(lines);
        }
        assertThat(snapshot).as("log lines captured at DEBUG").hasSizeGreaterThan(100);
        for (String secret : secrets) {
            assertThat(snapshot).noneSatisfy(line -> assertThat(line).contains(secret));
        }
        for (String line : snapshot) {
            Matcher card = CARD.matcher(line);
            while (card.find()) {
                assertThat(luhn(card.group()))
                        .as("a full card number in: %s", line)
                        .isFalse();
            }
            assertThat(IBAN.matcher(line).find()).as("an IBAN in: %s", line).isFalse();
        }
        platforms.close();
    }

    private static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    private static String hmacHex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
