package io.sitrep.model.query;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Silence;
import java.util.List;
import java.util.Optional;

/**
 * The read side the dashboard and the HTTP API use. Implemented by the streams module with interactive
 * queries; any instance answers the same.
 */
public interface AlertQueries {
    /** Alerts matching the filter, newest (latest lastSeen) first. */
    List<Alert> alerts(AlertFilter filter);

    Optional<Alert> alert(String id);

    /** Every silence, active or expired (expired ones until compaction removes them). */
    default List<Silence> silences() {
        return List.of();
    }

    /** Thrown while the state behind the queries is not yet ready (starting, restoring, rebalancing). */
    final class NotReadyException extends RuntimeException {
        public NotReadyException(String message, Throwable cause) { super(message, cause); }
    }
}
