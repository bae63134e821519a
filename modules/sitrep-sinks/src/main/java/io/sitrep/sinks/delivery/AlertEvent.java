package io.sitrep.sinks.delivery;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;

/** What a version of an alert means to a receiver: the first version, a later one, or the end of it. */
public enum AlertEvent {
    NEW, UPDATED, RESOLVED;

    public static AlertEvent of(Alert alert) {
        if (alert.getStatus() == AlertStatus.RESOLVED) return RESOLVED;
        return alert.getVersion() <= 1 ? NEW : UPDATED;
    }
}
