package io.sitrep.model.command;

import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.Silence;

/**
 * The write side the HTTP API uses: operator actions and silences become records on their topics, and the
 * topologies apply them. Each call returns once the record is durably written (acks=all), or throws.
 */
public interface CommandPublisher {
    void publish(AlertAction action);

    void publish(Silence silence);
}
