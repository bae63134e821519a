package io.sitrep.model.query;

import java.time.Instant;
import java.util.List;

/**
 * What one actor has been doing, from the alerts naming it within the retention.
 *
 * @param alerts   alerts naming the actor
 * @param reports  independent reports of those alerts
 * @param lastSeen the latest lastSeen of those alerts
 * @param types    alert types, most frequent first
 * @param regions  governorates, most frequent first
 */
public record ActorSummary(String actor, int alerts, int reports, Instant lastSeen, List<String> types,
                           List<String> regions) {
    public ActorSummary {
        types = List.copyOf(types);
        regions = List.copyOf(regions);
    }
}
