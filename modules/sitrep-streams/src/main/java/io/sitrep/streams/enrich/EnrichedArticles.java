package io.sitrep.streams.enrich;

import io.sitrep.model.Ids;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Entity;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.SegmentAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

/** Maps an article through the analyzer into one {@link EnrichedArticle} per segment. */
public final class EnrichedArticles {
    private EnrichedArticles() {}

    public static String segmentId(String articleId, int index) {
        return articleId + "#" + index;
    }

    public static List<EnrichedArticle> enrich(Function<ArticleText, Analysis> analyzer, Article a) {
        if (a.getBody() == null || a.getBody().isBlank()) {
            throw new UnprocessableArticleException("article " + a.getId() + " has no text");
        }
        Analysis analysis = analyzer.apply(new ArticleText(a.getId(), a.getTitle(), a.getBody(), a.getPublishedAt(),
                a.getSource(), a.getUrl()));
        if (analysis.segments().isEmpty()) {
            throw new UnprocessableArticleException("article " + a.getId() + " holds no article text once cleaned");
        }
        int n = analysis.segments().size();
        List<EnrichedArticle> out = new ArrayList<>(n);
        for (SegmentAnalysis s : analysis.segments()) {
            out.add(EnrichedArticle.newBuilder()
                    .setId(segmentId(a.getId(), s.index()))
                    .setArticleId(a.getId())
                    .setSegmentIndex(s.index())
                    .setSegmentCount(n)
                    .setUrl(a.getUrl())
                    .setSource(a.getSource())
                    .setSourceIsAggregator(Boolean.parseBoolean(a.getAttributes().getOrDefault("aggregator", "false")))
                    .setOutlet(s.outlet() != null ? s.outlet() : a.getSource())
                    .setHeadline(s.headline())
                    .setText(s.text())
                    .setLanguage(s.language() != null ? s.language() : a.getLanguage())
                    .setPublishedAt(s.publishedAt() != null ? s.publishedAt() : a.getPublishedAt())
                    .setContentHash(Ids.hash(Ids.normaliseText(s.text())))
                    .setEntities(s.entities().stream().map(e -> Entity.newBuilder().setId(e.id())
                            .setType(e.type().name()).setName(e.name()).setRole(e.role())
                            .setMentions(e.mentions()).build()).toList())
                    .setPlaces(s.places().stream().map(EnrichedArticles::place).toList())
                    .setEvents(s.events().stream().map(EnrichedArticles::event).toList())
                    .build());
        }
        return out;
    }

    public static Place place(PlaceRef p) {
        if (p == null) return null;
        return Place.newBuilder().setId(p.id()).setName(p.name()).setLat(p.lat()).setLon(p.lon())
                .setAdmin1(p.admin1()).setCountry(p.country()).setKind(p.kind()).build();
    }

    private static Event event(DetectedEvent e) {
        return Event.newBuilder()
                .setType(e.type())
                .setStatus(EventStatus.valueOf(e.status().name()))
                .setConfidence(e.confidence())
                .setPlace(place(e.place()))
                .setActors(e.actors())
                .setEvidence(e.evidence())
                .setQuantities(e.quantities() == null ? new HashMap<>() : new HashMap<>(e.quantities()))
                .setRaisesAlert(e.raisesAlert())
                .setSeverity(e.severity() == null ? Severity.INFO : Severity.valueOf(e.severity().name()))
                .setRule(e.rule())
                .build();
    }
}
