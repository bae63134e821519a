package io.sitrep.nlp;

import io.sitrep.nlp.clean.PageSegmenter;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.entity.EntityRecognizer;
import io.sitrep.nlp.event.EventDetector;
import io.sitrep.nlp.place.PlaceMention;
import io.sitrep.nlp.place.PlaceResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole understanding of a page: clean → segment → entities → places → events. Thread-safe. */
public final class ArticleAnalyzer {
    private final PageSegmenter segmenter;
    private final EntityRecognizer entities;
    private final PlaceResolver places;
    private final EventDetector events;

    public ArticleAnalyzer(PageSegmenter segmenter, EntityRecognizer entities, PlaceResolver places, EventDetector events) {
        this.segmenter = segmenter;
        this.entities = entities;
        this.places = places;
        this.events = events;
    }

    /** The default resources: alias tables, gazetteer, rule packs. */
    public static ArticleAnalyzer standard() {
        return new ArticleAnalyzer(PageSegmenter.standard(), EntityRecognizer.standard(), PlaceResolver.standard(),
                EventDetector.standard());
    }

    public Analysis analyze(ArticleText article) {
        List<SegmentAnalysis> out = new ArrayList<>();
        for (Segment s : segmenter.segment(article)) {
            List<EntityMention> em = entities.find(s.body());
            List<PlaceMention> pm = places.find(s.body());
            out.add(new SegmentAnalysis(s.index(), s.headline(), s.body(), s.publishedAt(), s.outlet(), s.language(),
                    aggregate(em), pm.stream().map(PlaceMention::place).distinct().toList(),
                    events.detect(s, em, pm)));
        }
        return new Analysis(article.id(), out);
    }

    private static List<EntityRef> aggregate(List<EntityMention> mentions) {
        Map<String, List<EntityMention>> byId = new LinkedHashMap<>();
        for (EntityMention m : mentions) byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
        List<EntityRef> out = new ArrayList<>();
        byId.forEach((id, ms) -> {
            EntityMention first = ms.get(0);
            String role = ms.stream().map(EntityMention::role).filter(r -> r != null).findFirst().orElse(null);
            out.add(new EntityRef(id, first.type(), first.name(), role,
                    ms.stream().map(EntityMention::surface).distinct().toList()));
        });
        return out;
    }
}
