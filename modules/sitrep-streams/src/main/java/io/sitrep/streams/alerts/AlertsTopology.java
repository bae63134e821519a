package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.Story;
import io.sitrep.model.topic.Topics;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * enriched segments → (repartition by event type) → [alerts] → sitrep.stories + sitrep.alerts, and the
 * global alert table every instance answers queries from.
 */
public final class AlertsTopology {
    public static final String STORIES_STORE = "stories-store";
    public static final String ALERTS_STORE = "alerts-store";
    public static final String ALERTS_GLOBAL_STORE = "alerts-global-store";
    public static final String SILENCES_GLOBAL_STORE = "silences-global-store";

    private AlertsTopology() {}

    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, AlertSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE),
                Serdes.String(), Topics.STORIES.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
                Serdes.String(), Topics.ALERTS.valueSerde()));

        KStream<String, SpecificRecordBase> out = enriched
                .flatMap((k, v) -> alertingTypes(v).stream().map(t -> KeyValue.pair(t, v)).toList(),
                        Named.as("alert-candidates"))
                .repartition(Repartitioned.<String, EnrichedArticle>as("alert-candidates-by-type")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ARTICLES_ENRICHED.valueSerde()))
                .process(() -> new AlertProcessor(settings), Named.as("alerts"), STORIES_STORE, ALERTS_STORE);

        out.split(Named.as("alerts-output-"))
                .branch((k, v) -> v instanceof Alert, Branched.withConsumer(s -> s
                        .mapValues(v -> (Alert) v, Named.as("alerts-output-as-alert"))
                        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                                .withName("alerts-sink")), "alert"))
                .branch((k, v) -> v instanceof Story, Branched.withConsumer(s -> s
                        .mapValues(v -> (Story) v, Named.as("alerts-output-as-story"))
                        .to(Topics.STORIES.name(), Produced.with(Topics.STORIES.keySerde(), Topics.STORIES.valueSerde())
                                .withName("stories-sink")), "story"));

        // operator actions go to the partition that owns their alert: alert ids carry their type
        builder.stream(Topics.ALERT_ACTIONS.name(), Consumed.with(Topics.ALERT_ACTIONS.keySerde(),
                        Topics.ALERT_ACTIONS.valueSerde()).withName("alert-actions-source"))
                .filter((k, v) -> v != null, Named.as("alert-actions-drop-tombstones"))
                .selectKey((k, v) -> StoryBook.typeOf(v.getAlertId()), Named.as("alert-actions-key-by-type"))
                .repartition(Repartitioned.<String, AlertAction>as("alert-actions-by-type")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ALERT_ACTIONS.valueSerde()))
                .process(() -> new AlertActionProcessor(settings), Named.as("alert-actions"), ALERTS_STORE)
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("alert-actions-sink"));

        builder.globalTable(Topics.SILENCES.name(),
                Consumed.with(Topics.SILENCES.keySerde(), Topics.SILENCES.valueSerde()).withName("silences-global-source"),
                Materialized.<String, Silence, KeyValueStore<Bytes, byte[]>>as(SILENCES_GLOBAL_STORE)
                        .withKeySerde(Topics.SILENCES.keySerde()).withValueSerde(Topics.SILENCES.valueSerde()));

        builder.globalTable(Topics.ALERTS.name(),
                Consumed.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts-global-source"),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(ALERTS_GLOBAL_STORE)
                        .withKeySerde(Topics.ALERTS.keySerde()).withValueSerde(Topics.ALERTS.valueSerde()));
    }

    static Set<String> alertingTypes(EnrichedArticle a) {
        Set<String> types = new LinkedHashSet<>();
        for (Event e : a.getEvents()) if (e.getRaisesAlert()) types.add(e.getType());
        return types;
    }
}
