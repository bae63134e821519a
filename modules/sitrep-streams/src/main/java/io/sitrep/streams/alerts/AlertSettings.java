package io.sitrep.streams.alerts;

import java.time.Duration;

/**
 * How reports join stories: reports of one type join a story when they fall within {@code storyWindow} of it
 * (event time) and their similarity reaches {@code joinThreshold}; texts within {@code duplicateDistance}
 * bits of SimHash are the same report re-published. An alert with no new report for {@code quietPeriod} of event
 * time is resolved; silences are checked for expiry every {@code silenceCheckInterval} of wall-clock time.
 */
public record AlertSettings(Duration storyWindow, double joinThreshold, int duplicateDistance, Duration quietPeriod,
                            Duration resolveCheckInterval, Duration silenceCheckInterval) {
    /** Stories join within 72 h; an alert with no new report for 30 days (event time) is resolved. */
    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofHours(72), 0.4, 6, Duration.ofDays(30), Duration.ofHours(1),
                Duration.ofSeconds(30));
    }

    public AlertSettings withQuietPeriod(Duration quiet) {
        return new AlertSettings(storyWindow, joinThreshold, duplicateDistance, quiet, resolveCheckInterval,
                silenceCheckInterval);
    }
}
