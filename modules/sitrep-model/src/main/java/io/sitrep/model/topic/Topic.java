package io.sitrep.model.topic;

import org.apache.kafka.common.serialization.Serde;

/** A topic and the serdes of its keys and values: the one place that says what a topic carries. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String carries) {
    @Override
    public String toString() { return name; }
}
