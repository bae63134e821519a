package io.sitrep.sinks.delivery;

import java.time.Duration;

/** Exponential backoff between delivery attempts, capped: {@code initial * 2^(attempt-1)}, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial backoff must be > 0");
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max backoff must be >= initial");
    }

    /** 250 ms, doubling to at most 30 s. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /** The wait after the given failed attempt (1 = the first failure). */
    public Duration delay(int attempt) {
        if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1");
        int shift = Math.min(attempt - 1, 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
