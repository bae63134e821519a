package io.sitrep.sinks.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window. Once an address reaches the limit, every login from it
 * (right or wrong) is refused until old failures leave the window, so guessing cannot continue.
 */
final class LoginRateLimiter {
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginRateLimiter(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the address must wait before it may try again; zero when it may try now. */
    Duration retryAfter(String address) {
        Deque<Instant> d = failures.get(address);
        if (d == null) return Duration.ZERO;
        synchronized (d) {
            Instant now = clock.instant();
            prune(d, now);
            if (d.size() < maxFailures) return Duration.ZERO;
            Duration wait = Duration.between(now, d.peekFirst().plus(window));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
    }

    void recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            Instant now = clock.instant();
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            Instant now = clock.instant();
            prune(d, now);
            d.addLast(now);
            while (d.size() > maxFailures) d.removeFirst();
        }
    }

    private void prune(Deque<Instant> d, Instant now) {
        Instant oldest = now.minus(window);
        while (!d.isEmpty() && !d.peekFirst().isAfter(oldest)) d.removeFirst();
    }
}
