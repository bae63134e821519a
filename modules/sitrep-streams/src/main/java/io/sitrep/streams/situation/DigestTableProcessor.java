package io.sitrep.streams.situation;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by region (or actor): folds each alert version into the key's digests — replacing the alert's previous
 * digest, or dropping it when the alert no longer belongs here — prunes what the retention no longer needs, and
 * emits the key's record when it changed. "Now" is the latest alert lastSeen the key has seen (event time).
 */
final class DigestTableProcessor<V> extends ContextualProcessor<String, Alert, String, V> {
    private final String storeName;
    private final DigestTable<V> table;
    private KeyValueStore<String, V> store;

    DigestTableProcessor(String storeName, DigestTable<V> table) {
        this.storeName = storeName;
        this.table = table;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        super.init(context);
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Alert> record) {
        String key = record.key();
        Alert alert = record.value();
        V previous = store.get(key);
        Map<String, AlertDigest> digests = new LinkedHashMap<>();
        Instant asOf = Instant.EPOCH;
        if (previous != null) {
            table.alerts(previous).forEach(d -> digests.put(d.getId(), d));
            asOf = table.asOf(previous);
        }
        if (table.keysOf(alert).contains(key)) {
            digests.put(alert.getId(), AlertDigests.of(alert));
            if (alert.getLastSeen().isAfter(asOf)) asOf = alert.getLastSeen();
        } else {
            digests.remove(alert.getId());
        }
        List<AlertDigest> kept = new ArrayList<>();
        for (AlertDigest d : digests.values()) if (table.keep(d, asOf)) kept.add(d);
        kept.sort(AlertDigests.LATEST_FIRST);

        V next = table.build(key, previous, alert, kept, asOf);
        if (Objects.equals(next, previous)) return;
        if (next == null) store.delete(key);
        else store.put(key, next);
        // stamped with the key's asOf, which only grows: the global tables never see an update out of order
        context().forward(record.withValue(next).withTimestamp(asOf.toEpochMilli()));
    }
}
