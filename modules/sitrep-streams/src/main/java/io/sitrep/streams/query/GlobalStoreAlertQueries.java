package io.sitrep.streams.query;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.streams.alerts.AlertsTopology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Alert queries served from the global alert table: every instance holds every alert, so every instance
 * gives the same answer without forwarding.
 */
public final class GlobalStoreAlertQueries implements AlertQueries {
    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::getLastSeen).reversed()
            .thenComparing(Alert::getFirstSeen, Comparator.reverseOrder()).thenComparing(Alert::getId);

    private final KafkaStreams streams;

    public GlobalStoreAlertQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<Alert> alerts(AlertFilter filter) {
        List<Alert> out = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = store().all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && filter.test(kv.value)) out.add(kv.value);
            });
        }
        out.sort(NEWEST_FIRST);
        return out.size() > filter.limit() ? out.subList(0, filter.limit()) : out;
    }

    @Override
    public Optional<Alert> alert(String id) {
        return Optional.ofNullable(store().get(id));
    }

    @Override
    public List<Silence> silences() {
        List<Silence> out = new ArrayList<>();
        try (KeyValueIterator<String, Silence> it = this.<Silence>store(AlertsTopology.SILENCES_GLOBAL_STORE).all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) out.add(kv.value);
            });
        }
        out.sort(Comparator.comparing(Silence::getEndsAt).reversed());
        return out;
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        return store(AlertsTopology.ALERTS_GLOBAL_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(name + " not ready (" + streams.state() + ")", e);
        }
    }
}
