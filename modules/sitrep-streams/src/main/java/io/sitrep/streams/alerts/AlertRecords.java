package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.silence.SilenceMatcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** What every alert record carries besides its value: CloudEvents Kafka-binding headers, for other services. */
final class AlertRecords {
    static final String CE_SOURCE = "urn:sitrep:alerts";

    private AlertRecords() {}

    static Record<String, Alert> record(Alert a, long timestamp) {
        return new Record<>(a.getId(), a, timestamp, cloudEventHeaders(a));
    }

    static Headers cloudEventHeaders(Alert a) {
        RecordHeaders h = new RecordHeaders();
        add(h, "ce_specversion", "1.0");
        add(h, "ce_id", a.getId() + ":" + a.getVersion());
        add(h, "ce_type", "io.sitrep.alert." + (a.getVersion() == 1 ? "raised" : "updated"));
        add(h, "ce_source", CE_SOURCE);
        add(h, "ce_subject", a.getId());
        add(h, "ce_time", Instant.now().toString());
        add(h, "content-type", "application/avro");
        return h;
    }

    private static void add(Headers h, String k, String v) {
        h.add(k, v.getBytes(StandardCharsets.UTF_8));
    }

    /** The active silences of the global silence table (its values may come wrapped with their timestamps). */
    static List<Silence> activeSilences(ReadOnlyKeyValueStore<String, ?> store, Instant at) {
        List<Silence> out = new ArrayList<>();
        if (store == null) return out;
        try (KeyValueIterator<String, ?> it = store.all()) {
            it.forEachRemaining(kv -> {
                Object v = kv.value instanceof ValueAndTimestamp<?> vt ? vt.value() : kv.value;
                if (v instanceof Silence s && SilenceMatcher.active(s, at)) out.add(s);
            });
        }
        return out;
    }
}
