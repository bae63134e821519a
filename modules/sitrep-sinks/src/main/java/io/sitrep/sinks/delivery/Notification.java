package io.sitrep.sinks.delivery;

import io.sitrep.model.avro.Alert;
import java.util.Objects;

/**
 * One alert version to deliver. {@code idempotencyKey} ({@code <alert id>/v<version>}) is the same for every
 * delivery attempt of that version, so a receiver can drop the copies at-least-once delivery may produce: every
 * change to an alert raises its version, so two different messages never share a key.
 */
public record Notification(Alert alert, AlertEvent event, String idempotencyKey) {
    public Notification {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public static Notification of(Alert alert) {
        return new Notification(alert, AlertEvent.of(alert), idempotencyKey(alert));
    }

    public static String idempotencyKey(Alert alert) {
        return alert.getId() + "/v" + alert.getVersion();
    }
}
