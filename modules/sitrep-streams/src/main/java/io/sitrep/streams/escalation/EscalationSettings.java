package io.sitrep.streams.escalation;

import java.time.Duration;

/**
 * How a region's spike is found (docs/ESCALATION.md has the formula).
 *
 * @param window             tumbling window on event time (also the unit of the baseline)
 * @param grace              how late an event may arrive and still be counted in its window
 * @param baselineWindows    N: the baseline is the mean and deviation of the previous N windows
 * @param minBaselineWindows windows the detector must have seen before it judges (warm-up after a cold start)
 * @param minCount           a window with fewer distinct events never escalates
 * @param threshold          k: escalate when the count is at least mean + k · max(deviation, minDeviation)
 * @param minDeviation       floor of the deviation, so that a perfectly steady or empty history does not make
 *                           one extra event a spike
 */
public record EscalationSettings(Duration window, Duration grace, int baselineWindows, int minBaselineWindows,
                                 int minCount, double threshold, double minDeviation) {
    public EscalationSettings {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive: " + window);
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative: " + grace);
        if (baselineWindows < 1) throw new IllegalArgumentException("baselineWindows must be at least 1: " + baselineWindows);
        if (minBaselineWindows < 0 || minBaselineWindows > baselineWindows) {
            throw new IllegalArgumentException("minBaselineWindows must be within 0.." + baselineWindows + ": " + minBaselineWindows);
        }
        if (minCount < 1) throw new IllegalArgumentException("minCount must be at least 1: " + minCount);
        if (!(threshold > 0)) throw new IllegalArgumentException("threshold must be positive: " + threshold);
        if (!(minDeviation > 0)) throw new IllegalArgumentException("minDeviation must be positive: " + minDeviation);
    }

    /** Daily windows against the previous week, 6 h grace, at least 4 events and 3 deviations above the mean. */
    public static EscalationSettings defaults() {
        return new EscalationSettings(Duration.ofHours(24), Duration.ofHours(6), 7, 3, 4, 3.0, 1.0);
    }

    /** How long the window store keeps counts: the window, the N windows before it, and the grace. */
    Duration retention() {
        return window.multipliedBy(baselineWindows + 1L).plus(grace);
    }
}
