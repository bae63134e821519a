package io.sitrep.model.query;

import io.sitrep.model.avro.Story;
import java.util.Optional;

/**
 * The situation picture: per-governorate status, per-actor activity and the stories behind alerts. Implemented by
 * the streams module; any instance answers the same. Throws {@link AlertQueries.NotReadyException} while the state
 * behind it is not ready.
 */
public interface SituationQueries {
    /** Every governorate, the busiest (most open alerts, then latest event) first. */
    Situation<RegionSummary> regions();

    /** Every actor named by an alert within the retention, the most recently active first. */
    Situation<ActorSummary> actors();

    Optional<Story> story(String id);
}
