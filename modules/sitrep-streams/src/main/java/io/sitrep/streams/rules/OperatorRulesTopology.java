package io.sitrep.streams.rules;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Operator rules in the running application:
 * <pre>
 * sitrep.rules ─[rules-judge]→ sitrep.rules-status ─(GlobalKTable rules-global-store)─┐
 * enriched segments ─────────────────────────[operator-rules]←───────────────────────┘→ adjusted segments
 * </pre>
 * Kafka Streams lets a topic feed either a stream or a global table, not both, so the global table reads the
 * judged rules on sitrep.rules-status: only ACCEPTED versions (the {@code active} rule) are ever applied, and what
 * applies is exactly what {@code sitrep rules list} shows. No repartition: the segment stream keeps its key.
 */
public final class OperatorRulesTopology {
    public static final String RULES_STATUS_STORE = "rules-status-store";
    public static final String RULES_GLOBAL_STORE = "rules-global-store";

    private OperatorRulesTopology() {}

    /** @return the segments with their events adjusted by the rules in force */
    public static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
        return addTo(builder, enriched, RuleCompiler.standard(), new SegmentAdjuster(RuleVocabulary.standard()));
    }

    static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
                                                  RuleCompiler compiler, SegmentAdjuster adjuster) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULES_STATUS_STORE),
                Serdes.String(), Topics.RULES_STATUS.valueSerde()));
        RuleVerdicts verdicts = new RuleVerdicts(compiler);
        builder.stream(Topics.RULES.name(), Consumed.with(Topics.RULES.keySerde(), Topics.RULES.valueSerde())
                        .withName("rules-source"))
                .process(() -> new RuleStatusProcessor(verdicts), Named.as("rules-judge"), RULES_STATUS_STORE)
                .to(Topics.RULES_STATUS.name(), Produced.with(Topics.RULES_STATUS.keySerde(), Topics.RULES_STATUS.valueSerde())
                        .withName("rules-status-sink"));

        builder.globalTable(Topics.RULES_STATUS.name(),
                Consumed.with(Topics.RULES_STATUS.keySerde(), Topics.RULES_STATUS.valueSerde()).withName("rules-status-global-source"),
                Materialized.<String, RuleStatus, KeyValueStore<Bytes, byte[]>>as(RULES_GLOBAL_STORE)
                        .withKeySerde(Topics.RULES_STATUS.keySerde()).withValueSerde(Topics.RULES_STATUS.valueSerde()));

        return enriched.processValues(() -> new OperatorRulesProcessor(compiler, adjuster), Named.as("operator-rules"));
    }
}
