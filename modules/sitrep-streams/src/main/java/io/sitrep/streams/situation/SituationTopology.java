package io.sitrep.streams.situation;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * sitrep.alerts → (by region | by actor) → digest tables → sitrep.situation.regions / sitrep.situation.actors, and
 * the global tables every instance answers the situation queries from (regions, actors, stories).
 *
 * <p>Its own streams application: sitrep.alerts and sitrep.stories are already global-table sources of the main
 * topology, and a topic can be the source of only one node of a topology. Reading the topic also means the
 * picture sees every alert version, whatever wrote it (new reports, operator actions, quiet-period resolution).
 */
public final class SituationTopology {
    public static final String REGION_INDEX_STORE = "situation-region-index-store";
    public static final String ACTOR_INDEX_STORE = "situation-actor-index-store";
    public static final String REGIONS_STORE = "situation-regions-store";
    public static final String ACTORS_STORE = "situation-actors-store";
    public static final String REGIONS_GLOBAL_STORE = "situation-regions-global-store";
    public static final String ACTORS_GLOBAL_STORE = "situation-actors-global-store";
    public static final String STORIES_GLOBAL_STORE = "situation-stories-global-store";

    private SituationTopology() {}

    public static Topology build(Properties streamsProperties, SituationSettings settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        addTo(builder, settings);
        return builder.build(streamsProperties);
    }

    public static void addTo(StreamsBuilder builder, SituationSettings settings) {
        KStream<String, Alert> alerts = builder.stream(Topics.ALERTS.name(),
                        Consumed.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("situation-alerts-source"))
                .filter((k, v) -> v != null, Named.as("situation-alerts-drop-tombstones"));

        table(builder, alerts, "region", REGION_INDEX_STORE, REGIONS_STORE, Topics.SITUATION_REGIONS,
                DigestTable.regions(settings.regionRetention()));
        table(builder, alerts, "actor", ACTOR_INDEX_STORE, ACTORS_STORE, Topics.SITUATION_ACTORS,
                DigestTable.actors(settings.actorRetention()));

        globalTable(builder, Topics.SITUATION_REGIONS, "situation-regions-global-source", REGIONS_GLOBAL_STORE);
        globalTable(builder, Topics.SITUATION_ACTORS, "situation-actors-global-source", ACTORS_GLOBAL_STORE);
        globalTable(builder, Topics.STORIES, "situation-stories-global-source", STORIES_GLOBAL_STORE);
    }

    private static <V> void table(StreamsBuilder builder, KStream<String, Alert> alerts, String by, String indexStore,
                                  String tableStore, Topic<String, V> out, DigestTable<V> table) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(indexStore),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(tableStore),
                out.keySerde(), out.valueSerde()));
        alerts.process(() -> new AlertIndexProcessor(indexStore, table::keysOf), Named.as("situation-" + by + "-index"), indexStore)
                .repartition(Repartitioned.<String, Alert>as("situation-alerts-by-" + by)
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ALERTS.valueSerde()))
                .process(() -> new DigestTableProcessor<>(tableStore, table), Named.as("situation-" + by + "-table"), tableStore)
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("situation-" + by + "-sink"));
    }

    private static <V> void globalTable(StreamsBuilder builder, Topic<String, V> topic, String sourceName, String storeName) {
        builder.globalTable(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(sourceName),
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                        .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
    }
}
