package io.sitrep.sinks.dashboard;

import io.sitrep.model.avro.Alert;

/** One record of the alerts topic with where it sits; {@code alert} is null for a tombstone or an unreadable value. */
record LogRecord(int partition, long offset, Alert alert) {}
