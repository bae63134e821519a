package io.sitrep.sinks.dashboard;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A position in the alerts topic: for each partition, the offset of the next record to read. It is the SSE event id,
 * so a reconnecting EventSource hands it back as {@code Last-Event-ID} and the feed resumes exactly after it.
 *
 * <p>Encoded compactly as the offsets in base 36, partition 0 first, separated by dots: {@code "2s.0.1f"} means
 * partition 0 at offset 100, partition 1 at 0, partition 2 at 51. A missing partition is at offset 0.
 */
public record StreamPosition(Map<Integer, Long> next) {
    private static final Pattern ENCODED = Pattern.compile("[0-9a-z]{1,13}(\\.[0-9a-z]{1,13}){0,4095}");

    public StreamPosition {
        next = Collections.unmodifiableMap(new TreeMap<>(next));
        next.forEach((p, o) -> {
            if (p < 0 || o < 0) throw new IllegalArgumentException("negative partition or offset: " + p + "=" + o);
        });
    }

    public static StreamPosition start() {
        return new StreamPosition(Map.of());
    }

    /** The next offset to read in the partition. */
    public long next(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** Whether the record at that offset is already behind this position (delivered or skipped). */
    public boolean covers(int partition, long offset) {
        return offset < next(partition);
    }

    /** This position moved past the record at that offset; never moves backwards. */
    public StreamPosition after(int partition, long offset) {
        if (covers(partition, offset)) return this;
        Map<Integer, Long> m = new TreeMap<>(next);
        m.put(partition, offset + 1);
        return new StreamPosition(m);
    }

    /** Whether every partition of this position is at or before the other's. */
    public boolean notAfter(StreamPosition other) {
        return next.entrySet().stream().allMatch(e -> e.getValue() <= other.next(e.getKey()));
    }

    public String encode() {
        int partitions = next.isEmpty() ? 1 : Collections.max(next.keySet()) + 1;
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < partitions; p++) {
            if (p > 0) sb.append('.');
            sb.append(Long.toString(next(p), 36));
        }
        return sb.toString();
    }

    /** The position an event id names; empty when it is absent or not one of ours. */
    public static Optional<StreamPosition> decode(String id) {
        if (id == null || !ENCODED.matcher(id).matches()) return Optional.empty();
        String[] parts = id.split("\\.");
        Map<Integer, Long> m = new TreeMap<>();
        try {
            for (int p = 0; p < parts.length; p++) {
                long offset = Long.parseLong(parts[p], 36);
                if (offset > 0) m.put(p, offset);
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // beyond a long
        }
        return Optional.of(new StreamPosition(m));
    }

    @Override
    public String toString() {
        return encode();
    }
}
