package io.sitrep.nlp;

import io.sitrep.nlp.clean.PageSegmenter;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.entity.EntityRecognizer;
import io.sitrep.nlp.event.EventDetector;
import io.sitrep.nlp.place.PlaceMention;
import io.sitrep.nlp.place.PlaceResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole understanding of a page: clean → segment → entities → places → events. Thread-safe.
 * {@link #analyze} never throws: a stage that fails on some input is logged and contributes nothing, so one
 * odd page cannot stop a stream; the other stages still give what they can.
 */
public final class ArticleAnalyzer {
    private static final Logger log = LoggerFactory.getLogger(ArticleAnalyzer.class);

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
        if (article == null) return new Analysis(null, List.of());
        String id = article.id();
        List<Segment> segments = guarded(id, "segmenting", () -> segmenter.segment(article), List.of());
        List<SegmentAnalysis> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            if (s == null) continue;
            String body = s.body() == null ? "" : s.body();
            List<EntityMention> em = guarded(id, "entity recognition", () -> entities.find(body), List.of());
            List<PlaceMention> pm = guarded(id, "place resolution", () -> places.find(body), List.of());
            List<DetectedEvent> ev = guarded(id, "event detection", () -> events.detect(s, em, pm), List.of());
            out.add(new SegmentAnalysis(s.index(), s.headline(), body, s.publishedAt(), s.outlet(), s.language(),
                    aggregate(em), distinctPlaces(pm), ev));
        }
        return new Analysis(id, out);
    }

    private static <T> T guarded(String articleId, String stage, Supplier<T> work, T fallback) {
        try {
            T result = work.get();
            return result == null ? fallback : result;
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("{} failed on article {}; continuing without it", stage, articleId, e);
            return fallback;
        }
    }

    private static List<PlaceRef> distinctPlaces(List<PlaceMention> mentions) {
        FirstSeen<PlaceRef> seen = new FirstSeen<>();
        for (PlaceMention m : mentions) if (m != null && m.place() != null) seen.slot(m.place());
        return seen.keys;
    }

    /** One entry per entity id, in order of first mention: the first stated role, the distinct surface forms. */
    private static List<EntityRef> aggregate(List<EntityMention> mentions) {
        FirstSeen<String> ids = new FirstSeen<>();
        List<EntityMention> firsts = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<List<String>> surfaces = new ArrayList<>();
        for (EntityMention m : mentions) {
            if (m == null || m.id() == null) continue;
            int i = ids.slot(m.id());
            if (i == firsts.size()) {
                firsts.add(m);
                roles.add(null);
                surfaces.add(new ArrayList<>(2));
            }
            if (roles.get(i) == null && m.role() != null) roles.set(i, m.role());
            List<String> forms = surfaces.get(i);
            if (!forms.contains(m.surface())) forms.add(m.surface());
        }
        List<EntityRef> out = new ArrayList<>(firsts.size());
        for (int i = 0; i < firsts.size(); i++) {
            EntityMention first = firsts.get(i);
            out.add(new EntityRef(first.id(), first.type(), first.name(), roles.get(i), Collections.unmodifiableList(surfaces.get(i))));
        }
        return out;
    }

    /**
     * Distinct keys in order of first sight. A segment names a handful of entities and places, so keys are compared
     * one by one while there are few (cheaper than hashing records and strings); a hash index takes over past that.
     */
    private static final class FirstSeen<K> {
        private static final int LINEAR_LIMIT = 16;
        final List<K> keys = new ArrayList<>();
        private Map<K, Integer> index;

        /** The position of key among the distinct keys; a key not seen before is added at the end. */
        int slot(K key) {
            if (index != null) {
                Integer i = index.putIfAbsent(key, keys.size());
                if (i != null) return i;
            } else {
                for (int i = 0; i < keys.size(); i++) {
                    K k = keys.get(i);
                    if (k == key || k.equals(key)) return i;
                }
                if (keys.size() == LINEAR_LIMIT) {
                    index = new HashMap<>();
                    for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
                    index.put(key, keys.size());
                }
            }
            keys.add(key);
            return keys.size() - 1;
        }
    }
}
