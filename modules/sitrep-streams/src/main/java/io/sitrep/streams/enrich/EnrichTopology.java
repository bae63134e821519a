package io.sitrep.streams.enrich;

import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** sitrep.articles.raw → [enrich] → sitrep.articles.enriched, one record per article segment. */
public final class EnrichTopology {
    private EnrichTopology() {}

    public static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder,
                                                         Function<ArticleText, Analysis> analyzer) {
        KStream<String, Article> raw = builder.stream(Topics.ARTICLES_RAW.name(),
                Consumed.with(Topics.ARTICLES_RAW.keySerde(), Topics.ARTICLES_RAW.valueSerde())
                        .withName("articles-raw-source"));
        KStream<String, EnrichedArticle> enriched = raw
                .filter((k, v) -> v != null, Named.as("articles-raw-drop-tombstones"))
                .flatMap((k, v) -> EnrichedArticles.enrich(analyzer, v).stream()
                        .map(e -> KeyValue.pair(e.getId(), e)).toList(), Named.as("enrich"));
        enriched.to(Topics.ARTICLES_ENRICHED.name(),
                Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
                        .withName("articles-enriched-sink"));
        return enriched;
    }
}
