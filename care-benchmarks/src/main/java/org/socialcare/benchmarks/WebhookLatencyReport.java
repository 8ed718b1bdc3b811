package org.socialcare.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;
import org.socialcare.examples.DemoDatabase;
import org.socialcare.examples.WebhookEndpoint;
import org.socialcare.examples.demo.BankSetup;
import org.socialcare.examples.demo.CareDaySimulation;
import org.socialcare.examples.demo.CustomerTraffic;
import org.socialcare.examples.demo.SimulatedMessage;
import org.socialcare.examples.demo.platforms.EmulatedPlatforms;

/**
 * Webhook-to-stored latency at a fixed offered rate (issue 17): signed Facebook page webhooks, one customer
 * message each, POSTed over HTTP on loopback to the example {@link WebhookEndpoint} serving the Facebook adapter's
 * handler in front of the demo's bank desk ({@link BankSetup}: skills routing, business-hours SLA, escalation
 * rules, the hijack guard) on the embedded H2 database. The endpoint answers after the desk has stored and
 * triaged the message, so a request's latency is request-to-stored-and-triaged.
 *
 * <p>Open loop: requests leave on their schedule whether or not earlier ones were answered, and latency counts
 * from the scheduled send time, so a stall shows in the percentiles instead of slowing the load (no coordinated
 * omission). Baseline in the same run, at the same rate: the same endpoint and requests with a handler that
 * accepts without ingesting (HTTP, Jetty, the signed body: what the desk does not add). Each rate gets a fresh
 * desk and database; a warm-up at the rate comes first and is not counted.
 *
 * <p>Not JMH: JMH measures closed loops (the next call waits for the last), which hides queueing at a fixed
 * arrival rate. Usage: {@code java -cp care-benchmarks/target/benchmarks.jar
 * org.socialcare.benchmarks.WebhookLatencyReport [--rates 100,200,500] [--seconds 20] [--warmup 5]}; prints a
 * Markdown table.
 */
public final class WebhookLatencyReport {
    private final int[] rates;
    private final int seconds;
    private final int warmup;

    private WebhookLatencyReport(int[] rates, int seconds, int warmup) {
        this.rates = rates;
        this.seconds = seconds;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        int[] rates = {100, 200, 500};
        int seconds = 20;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--rates" ->
                    rates = Arrays.stream(value.split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; options: --rates 100,200,500 --seconds 20 --warmup 5");
            }
            i++;
        }
        if (seconds < 1 || warmup < 0 || Arrays.stream(rates).anyMatch(r -> r < 1 || r > 100_000)) {
            throw new IllegalArgumentException("rates must be 1..100000 a second, seconds at least 1, warmup >= 0");
        }
        BenchmarkLogging.warnOnly();
        System.out.print(new WebhookLatencyReport(rates, seconds, warmup).run());
        System.exit(0);
    }

    private String run() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Webhook to stored and triaged, Facebook page webhooks (one message each) into the bank desk on H2,"
                        + " %d s measured after %d s warm-up per rate; %s, %d cores, %s%n%n",
                seconds,
                warmup,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                Instant.now()));
        out.append("| offered rate (msg/s) | handler | answered | errors | achieved (msg/s) | p50 ms | p90 ms | p99 ms"
                + " | max ms | p99 ratio to baseline |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int rate : rates) {
            Result baseline = measure(rate, true);
            Result desk = measure(rate, false);
            out.append(baseline.row(rate, "accept only (baseline)", "x1.0"));
            out.append(desk.row(rate, "bank desk on H2", RatioReport.ratio(desk.p(0.99) / baseline.p(0.99))));
        }
        return out.toString();
    }

    /** One rate on a fresh desk: warm-up, then {@link #seconds} measured. */
    private Result measure(int rate, boolean acceptOnly) throws IOException {
        Clock clock = Clock.systemUTC();
        BankSetup bank = new BankSetup();
        try (DemoDatabase db = DemoDatabase.open(Optional.empty(), Optional.empty(), Optional.empty());
                EmulatedPlatforms platforms = EmulatedPlatforms.start(bank, clock)) {
            CareDesk desk = platforms
                    .configure(bank.configure(CareDesk.builder())
                            .clock(clock)
                            .storage(db.storage())
                            .escalationFirings(db.escalationFirings())
                            .channelStates(db.channelStates())
                            .callbackGateway(request -> {})
                            .complaintGateway(request -> "complaint"))
                    .build();
            platforms.connect(desk);
            WebhookEndpoint acceptor = acceptOnly ? WebhookEndpoint.start(desk, Map.of("/accept", ACCEPT)) : null;
            try {
                List<SimulatedMessage> messages = pageMessages(bank, rate * (warmup + seconds));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                int warm = rate * warmup;
                long[] latencies = new long[messages.size() - warm];
                AtomicInteger answered = new AtomicInteger();
                Map<String, Integer> errors = new java.util.concurrent.ConcurrentSkipListMap<>();
                List<CompletableFuture<?>> inFlight = new ArrayList<>(messages.size());
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                for (int i = 0; i < messages.size(); i++) {
                    HttpRequest request = platforms.facebookWebhook(List.of(fresh(messages.get(i), clock)));
                    if (acceptor != null) {
                        request = HttpRequest.newBuilder(request, (name, value) -> true)
                                .uri(acceptor.baseUri().resolve("/accept"))
                                .build();
                    }
                    long scheduled = start + i * interval;
                    long wait;
                    while ((wait = scheduled - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int index = i - warm;
                    inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, failure) -> {
                                long took = System.nanoTime() - scheduled;
                                boolean ok = failure == null && response.statusCode() == 200;
                                if (index >= 0) {
                                    latencies[index] = ok ? took : -1;
                                    if (ok) {
                                        answered.incrementAndGet();
                                    } else {
                                        errors.merge(
                                                failure == null
                                                        ? "HTTP " + response.statusCode()
                                                        : failure.getClass().getSimpleName(),
                                                1,
                                                Integer::sum);
                                    }
                                }
                            }));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .exceptionally(t -> null)
                        .join();
                long[] ok =
                        Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
                return new Result(answered.get(), Map.copyOf(errors), ok, seconds);
            } finally {
                if (acceptor != null) {
                    acceptor.close();
                }
            }
        }
    }

    private static final WebhookHandler ACCEPT = new WebhookHandler() {
        @Override
        public Platform platform() {
            return Platform.FACEBOOK;
        }

        @Override
        public WebhookResult handle(WebhookRequest request) {
            return WebhookResult.accepted(List.of());
        }
    };

    /** The demo's Facebook page traffic (comments and Messenger messages), as many as asked, cycling if short. */
    private static List<SimulatedMessage> pageMessages(BankSetup bank, int count) {
        List<SimulatedMessage> page = new ArrayList<>();
        for (SimulatedMessage m :
                new CustomerTraffic(42, bank).day(CareDaySimulation.OPENING, Duration.ofHours(10), count * 6)) {
            if (m.channel().equals(BankSetup.FACEBOOK_PAGE)) {
                page.add(m);
            }
        }
        if (page.isEmpty()) {
            throw new IllegalStateException("the demo's traffic has no Facebook page messages");
        }
        List<SimulatedMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(page.get(i % page.size()));
        }
        return out;
    }

    /** The message as if written now, so the desk's clocks (SLA, freshness) see live traffic. */
    private static SimulatedMessage fresh(SimulatedMessage m, Clock clock) {
        return new SimulatedMessage(
                m.id(), clock.instant(), m.channel(), m.author(), m.visibility(), m.text(), m.story(), m.inReplyTo());
    }

    private record Result(int answered, Map<String, Integer> errors, long[] sortedNanos, int seconds) {
        double p(double quantile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        String row(int rate, String handler, String ratio) {
            return String.format(
                    Locale.ROOT,
                    "| %d | %s | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    rate,
                    handler,
                    answered,
                    errors.isEmpty() ? "0" : new java.util.TreeMap<>(errors).toString(),
                    answered / (double) seconds,
                    p(0.50),
                    p(0.90),
                    p(0.99),
                    p(1.0),
                    ratio);
        }
    }
}
