package io.sitrep.streams.situation;

import io.sitrep.model.avro.Alert;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by alert id: re-keys every alert version to the regions (or actors) it belongs to, and also to those it
 * belonged to before and no longer does, so that they drop it (an alert sent to a key it does not belong to is a
 * retraction). Remembers each alert's keys in a store.
 */
final class AlertIndexProcessor extends ContextualProcessor<String, Alert, String, Alert> {
    private static final String SEPARATOR = "\n";

    private final String storeName;
    private final Function<Alert, Set<String>> keysOf;
    private KeyValueStore<String, String> index;

    AlertIndexProcessor(String storeName, Function<Alert, Set<String>> keysOf) {
        this.storeName = storeName;
        this.keysOf = keysOf;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        index = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        Set<String> now = keysOf.apply(alert);
        String before = index.get(alert.getId());
        Set<String> keys = new LinkedHashSet<>(now);
        if (before != null) keys.addAll(Set.of(before.split(SEPARATOR)));
        for (String key : keys) context().forward(record.withKey(key));
        if (now.isEmpty()) {
            if (before != null) index.delete(alert.getId());
        } else {
            String joined = String.join(SEPARATOR, now);
            if (!joined.equals(before)) index.put(alert.getId(), joined);
        }
    }
}
