package io.sitrep.model.query;

import java.time.Instant;
import java.util.List;

/**
 * A picture as of an event time: {@code asOf} is the latest event time the system has seen (not the wall clock), so
 * that the 24 h and 7 d windows of a historical replay mean what they meant then. Null when nothing has been seen.
 */
public record Situation<T>(Instant asOf, List<T> items) {
    public Situation {
        items = List.copyOf(items);
    }
}
