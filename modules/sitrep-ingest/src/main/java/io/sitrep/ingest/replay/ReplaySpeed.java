package io.sitrep.ingest.replay;

import java.time.Duration;

/** How fast a replay runs: {@code max} (no waiting) or a factor of event time (60 = one hour per minute). */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

    public static ReplaySpeed parse(String s) {
        if (s == null || s.isBlank() || s.trim().equalsIgnoreCase("max")) return MAX;
        try {
            double f = Double.parseDouble(s.trim());
            if (f > 0 && Double.isFinite(f)) return new ReplaySpeed(f);
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("replay speed must be 'max' or a positive factor, got '" + s + "'");
    }

    /** Wall-clock wait for an event-time gap. */
    public Duration wait(Duration eventGap) {
        if (isMax() || eventGap.isNegative() || eventGap.isZero()) return Duration.ZERO;
        return Duration.ofNanos((long) Math.min(eventGap.toNanos() / factor, Long.MAX_VALUE));
    }

    public boolean isMax() { return Double.isInfinite(factor); }

    @Override
    public String toString() { return isMax() ? "max" : String.valueOf(factor); }
}
