package io.sitrep.model.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status of one governorate.
 *
 * @param openAlerts alerts not resolved, by severity, most severe first (every severity present, zero included)
 * @param lastEvent  the alert seen last in the region, or null
 * @param last24h    counts over (asOf − 24 h, asOf]
 * @param last7d     counts over (asOf − 7 d, asOf]
 */
public record RegionSummary(String governorate, String country, Map<String, Integer> openAlerts, LastEvent lastEvent,
                            Counts last24h, Counts last7d) {
    public RegionSummary {
        openAlerts = Collections.unmodifiableMap(new LinkedHashMap<>(openAlerts)); // keeps the severity order
    }

    public int openTotal() {
        return openAlerts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The latest event of a region: when (the alert's lastSeen), its type, alert and headline. */
    public record LastEvent(Instant at, String type, String alertId, String headline) {}

    /**
     * @param events independent reports of events (re-published copies and escalations left out)
     * @param alerts alerts first seen in the window
     */
    public record Counts(int events, int alerts) {}
}
