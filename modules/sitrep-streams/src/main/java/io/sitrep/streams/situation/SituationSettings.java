package io.sitrep.streams.situation;

import java.time.Duration;

/**
 * How long the situation remembers: a region keeps every alert not resolved, and the others for
 * {@code regionRetention} (at least the 7 d the picture counts over); an actor keeps the alerts naming it for
 * {@code actorRetention}. Both on event time.
 */
public record SituationSettings(Duration regionRetention, Duration actorRetention) {
    public static final Duration LONGEST_COUNT = Duration.ofDays(7);

    public SituationSettings {
        if (regionRetention.compareTo(LONGEST_COUNT) < 0) {
            throw new IllegalArgumentException("regionRetention must cover the 7 d counts: " + regionRetention);
        }
        if (actorRetention.isNegative() || actorRetention.isZero()) {
            throw new IllegalArgumentException("actorRetention must be positive: " + actorRetention);
        }
    }

    public static SituationSettings defaults() {
        return new SituationSettings(LONGEST_COUNT, Duration.ofDays(30));
    }
}
