package io.sitrep.sinks.delivery;

import java.util.Objects;

/**
 * How a push sink consumes sitrep.alerts.
 *
 * @param groupId  the sink's own consumer group: its committed offsets are what it has delivered
 * @param backoff  waits between attempts while the target is down
 */
public record DeliverySettings(String groupId, Backoff backoff) {
    public DeliverySettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(backoff, "backoff");
        if (groupId.isBlank()) throw new IllegalArgumentException("groupId must not be blank");
    }

    /** Group {@code sitrep-sink-<name>} with the default backoff. */
    public static DeliverySettings forSink(String name) {
        return new DeliverySettings("sitrep-sink-" + name, Backoff.defaults());
    }

    public DeliverySettings withBackoff(Backoff b) {
        return new DeliverySettings(groupId, b);
    }
}
