package io.sitrep.streams;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import java.util.function.Function;
import io.sitrep.streams.alerts.AlertSettings;
import io.sitrep.streams.alerts.AlertsTopology;
import io.sitrep.streams.enrich.EnrichTopology;
import io.sitrep.streams.rules.OperatorRulesTopology;
import io.sitrep.streams.escalation.EscalationTopology;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The whole application: raw articles → enriched segments → alerts, and the alert table the queries read.
 * Two transactional hops (the enriched/alert-candidate repartition, then the alerts), as few as the
 * semantics allow.
 */
public final class SitrepTopology {
    private SitrepTopology() {}

    /** @param analyzer normally {@code ArticleAnalyzer.standard()::analyze}; tests may pass their own */
    public static Topology build(Properties streamsProperties, Function<ArticleText, Analysis> analyzer,
                                 AlertSettings settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        KStream<String, EnrichedArticle> enriched = EnrichTopology.addTo(builder, analyzer);
        KStream<String, EnrichedArticle> escalations = EscalationTopology.addTo(builder, enriched);
        KStream<String, EnrichedArticle> shaped = OperatorRulesTopology.addTo(builder, enriched);
        AlertsTopology.addTo(builder, shaped.merge(escalations, Named.as("enriched-with-escalations")), settings);
        return builder.build(streamsProperties);
    }
}
