package io.sitrep.streams.situation;

import io.sitrep.model.avro.ActorActivity;
import io.sitrep.model.avro.RegionStatus;
import io.sitrep.model.avro.Story;
import io.sitrep.model.query.ActorSummary;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.model.query.RegionSummary;
import io.sitrep.model.query.Situation;
import io.sitrep.model.query.SituationQueries;
import io.sitrep.nlp.place.Governorates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Situation queries served from global tables of sitrep.situation.regions, sitrep.situation.actors and
 * sitrep.stories: every instance holds all of them, so every instance gives the same answer without forwarding.
 */
public final class GlobalStoreSituationQueries implements SituationQueries {
    private final KafkaStreams streams;

    /** @param streams the application running {@link SituationTopology} */
    public GlobalStoreSituationQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Situation<RegionSummary> regions() {
        return SituationViews.regions(this.<RegionStatus>all(SituationTopology.REGIONS_GLOBAL_STORE, "region table"),
                Governorates.standard().all());
    }

    @Override
    public Situation<ActorSummary> actors() {
        return SituationViews.actors(this.<ActorActivity>all(SituationTopology.ACTORS_GLOBAL_STORE, "actor table"));
    }

    @Override
    public Optional<Story> story(String id) {
        return Optional.ofNullable(this.<Story>store(SituationTopology.STORIES_GLOBAL_STORE, "story table").get(id));
    }

    private <V> List<V> all(String storeName, String what) {
        List<V> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>store(storeName, what).all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) out.add(kv.value);
            });
        }
        return out;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, String what) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new AlertQueries.NotReadyException(what + " not ready (" + streams.state() + ")", e);
        }
    }
}
