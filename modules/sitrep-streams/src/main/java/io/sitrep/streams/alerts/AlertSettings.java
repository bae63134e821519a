package io.sitrep.streams.alerts;

import java.time.Duration;

/**
 * How reports join stories: reports of one type join a story when they fall within {@code storyWindow} of it
 * (event time) and their similarity reaches {@code joinThreshold}; texts within {@code duplicateDistance}
 * bits of SimHash are the same report re-published.
 */
public record AlertSettings(Duration storyWindow, double joinThreshold, int duplicateDistance) {
    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofHours(72), 0.4, 6);
    }
}
