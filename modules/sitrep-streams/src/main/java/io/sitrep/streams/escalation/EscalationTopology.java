package io.sitrep.streams.escalation;

import io.sitrep.model.Ids;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * enriched segments → (repartition by governorate and type) → distinct events per tumbling event-time window
 * → [escalation detector] → ESCALATION segments, which the caller merges into the stream the alert path reads.
 */
public final class EscalationTopology {
    public static final String EVENTS_BY_REGION = "escalation-events-by-region";
    public static final String COUNTS_STORE = "escalation-counts-store";
    public static final String MARKS_STORE = "escalation-marks-store";
    /** A window keeps at most this many distinct events; a count that reaches it is reported as the cap. */
    static final int MAX_DISTINCT_PER_WINDOW = 10_000;
    static final Serde<List<String>> DISTINCT_SERDE = Serdes.ListSerde(ArrayList.class, Serdes.String());

    private EscalationTopology() {}

    public static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
        return addTo(builder, enriched, EscalationSettings.defaults());
    }

    public static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
                                                         EscalationSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MARKS_STORE),
                Serdes.String(), Serdes.Long()));
        return enriched
                .flatMap((k, segment) -> countedEvents(segment), Named.as("escalation-events"))
                .groupByKey(Grouped.with(EVENTS_BY_REGION, Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.window(), settings.grace()))
                .aggregate(ArrayList::new, (key, event, distinct) -> add(distinct, event), Named.as("escalation-counts"),
                        Materialized.<String, List<String>>as(countsStore(settings))
                                .withKeySerde(Serdes.String()).withValueSerde(DISTINCT_SERDE))
                .toStream(Named.as("escalation-counts-updates"))
                .process(() -> new EscalationDetector(settings), Named.as("escalation-detector"), COUNTS_STORE, MARKS_STORE);
    }

    /**
     * The counts live in memory and are rebuilt from their changelog at start. A persistent (RocksDB) window
     * store keeps its changelog offset inside its time segments (Kafka Streams 4.3); a task whose store holds
     * no segment, such as a partition no region hashes to, has no offset to show after a clean stop, and under
     * exactly-once Kafka Streams then declares the task corrupted, logs an ERROR and wipes it on every restart.
     * The counts are small (a fingerprint per distinct event for the baseline days), so memory is the better home.
     */
    static WindowBytesStoreSupplier countsStore(EscalationSettings settings) {
        return Stores.inMemoryWindowStore(COUNTS_STORE, settings.retention(), settings.window(), false);
    }

    /**
     * One (governorate|type, event fingerprint) per asserted, placed event. The fingerprint is the normalised
     * evidence sentence, so the same report re-published by an aggregator counts once in a window.
     */
    static List<KeyValue<String, String>> countedEvents(EnrichedArticle segment) {
        Set<KeyValue<String, String>> out = new LinkedHashSet<>();
        for (Event e : segment.getEvents()) {
            if (e.getStatus() != EventStatus.ASSERTED || EscalationArticles.TYPE.equals(e.getType())) continue;
            if (e.getPlace() == null || e.getPlace().getAdmin1() == null) continue;
            out.add(KeyValue.pair(key(e.getPlace().getAdmin1(), e.getType()), Ids.hash(Ids.normaliseText(e.getEvidence()))));
        }
        return List.copyOf(out);
    }

    static String key(String governorate, String type) {
        return governorate + "|" + type;
    }

    private static List<String> add(List<String> distinct, String event) {
        if (distinct.size() < MAX_DISTINCT_PER_WINDOW && !distinct.contains(event)) distinct.add(event);
        return distinct;
    }
}
