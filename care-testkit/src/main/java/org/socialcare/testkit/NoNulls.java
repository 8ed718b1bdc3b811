package org.socialcare.testkit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a value made of records, {@link Optional}s, collections and maps and reports every {@code null} it
 * finds, by path (e.g. {@code batch.messages[2].author.displayName}). Our domain records reject nulls in
 * their constructors, but an implementation may build them by reflection or a mapper; this makes the
 * "never null, use Optional" rule checkable by the contracts. Stateless and thread-safe.
 */
public final class NoNulls {
    private NoNulls() {}

    /**
     * Fails with an {@link AssertionError} listing every path that holds {@code null}.
     *
     * @param name what to call the root in the message, e.g. {@code "batch"}
     * @param value the value to walk; {@code null} itself is reported
     */
    public static void assertNoNulls(String name, Object value) {
        List<String> found = new ArrayList<>();
        walk(name, value, found, 0);
        if (!found.isEmpty()) {
            throw new AssertionError(
                    "null found at " + String.join(", ", found) + " (use Optional or empty collections)");
        }
    }

    private static void walk(String path, Object value, List<String> found, int depth) {
        if (value == null) {
            found.add(path);
            return;
        }
        if (depth > 12) {
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> walk(path + ".get()", v, found, depth + 1));
        } else if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(path + "[" + i++ + "]", element, found, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(path + "[" + k + "]", v, found, depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object child;
                try {
                    component.getAccessor().setAccessible(true);
                    child = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    found.add(path + "." + component.getName() + " (unreadable: " + e + ")");
                    continue;
                }
                walk(path + "." + component.getName(), child, found, depth + 1);
            }
        }
    }
}
