package org.socialcare.core.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.port.out.NoticeOutbox;

/** {@link NoticeOutbox} in memory (local to one process, lost on restart). Thread-safe. */
public final class InMemoryNoticeOutbox implements NoticeOutbox {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(Entry entry) {
        Checks.notNull(entry, "entry");
        if (entries.containsKey(entry.id())) {
            throw new IllegalArgumentException("notice '" + entry.id() + "' is already enqueued");
        }
        entries.put(entry.id(), entry);
    }

    @Override
    public synchronized List<Entry> claimDue(Instant now, int limit, Duration lease) {
        Checks.notNull(now, "now");
        Checks.positive(limit, "limit");
        Checks.positive(lease, "lease");
        List<Entry> due = entries.values().stream()
                .filter(e -> !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Entry::nextAttemptAt).thenComparing(Entry::enqueuedAt))
                .limit(limit)
                .toList();
        for (Entry e : due) {
            entries.put(
                    e.id(),
                    new Entry(e.id(), e.notice(), e.enqueuedAt(), e.attempts(), now.plus(lease), e.lastError()));
        }
        return due;
    }

    @Override
    public synchronized void delivered(String id) {
        entries.remove(Checks.notBlank(id, "id"));
    }

    @Override
    public synchronized void failed(String id, int attempts, Instant nextAttemptAt, String lastError) {
        Entry e = entries.get(Checks.notBlank(id, "id"));
        if (e != null) {
            entries.put(
                    id,
                    new Entry(
                            id,
                            e.notice(),
                            e.enqueuedAt(),
                            attempts,
                            Checks.notNull(nextAttemptAt, "nextAttemptAt"),
                            Optional.of(Checks.notNull(lastError, "lastError"))));
        }
    }

    @Override
    public synchronized List<Entry> failing(int limit) {
        Checks.positive(limit, "limit");
        List<Entry> out = new ArrayList<>();
        entries.values().stream()
                .filter(e -> e.attempts() > 0)
                .sorted(Comparator.comparing(Entry::enqueuedAt))
                .limit(limit)
                .forEach(out::add);
        return out;
    }

    @Override
    public synchronized int pending() {
        return entries.size();
    }
}
