package io.sitrep.streams.rules;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Entity;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.nlp.text.Sentences;
import io.sitrep.streams.rules.OperatorRule.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies operator rules to one enriched segment: severity overrides on matching alert-raising events, extra
 * WATCH events that raise alerts, tags. Every event a rule touched names it in its rule trail
 * ({@code "attack operator:ayn-al-asad tag:base"}), so an analyst can see why an alert looks as it does.
 * Pure and deterministic: rules are applied in the order given (the store's, by id), conflicts resolved by
 * severity, not by order.
 */
public final class SegmentAdjuster {
    private static final Logger log = LoggerFactory.getLogger(SegmentAdjuster.class);
    /** Confidence of a WATCH raised by words in the text: the match is certain, its meaning is the operator's. */
    static final double TEXT_MATCH_CONFIDENCE = 0.9;
    private static final int MAX_WATCH_ACTORS = 5;

    private final RuleVocabulary vocabulary;

    public SegmentAdjuster(RuleVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The segment with its events adjusted by the enabled rules; the same instance when no rule applies. */
    public EnrichedArticle adjust(EnrichedArticle segment, List<OperatorRule> rules) {
        if (rules.isEmpty()) return segment;
        View view = new View(segment);
        List<Event> events = segment.getEvents();
        int n = events.size();
        Severity[] set = new Severity[n];
        int[] bump = new int[n];
        List<List<String>> trails = new ArrayList<>();
        for (int i = 0; i < n; i++) trails.add(new ArrayList<>());
        List<Event> watches = new ArrayList<>();

        for (OperatorRule r : rules) {
            if (!r.enabled()) continue;
            try {
                if (r.scope() == Scope.EVENTS) applyToEvents(r, events, view, set, bump, trails, watches);
                else applyToSegment(r, events, view, trails, watches);
            } catch (BoundedPattern.BudgetExceeded e) {
                log.warn("operator rule {}: a pattern exceeded its budget on segment {}; rule skipped there", r.id(), segment.getId());
            }
        }

        boolean changed = !watches.isEmpty();
        List<Event> out = new ArrayList<>(n + watches.size());
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            if (trails.get(i).isEmpty()) {
                out.add(e);
                continue;
            }
            changed = true;
            Severity s = set[i] != null ? set[i] : e.getSeverity();
            if (bump[i] > 0) s = Severity.values()[Math.max(0, s.ordinal() - bump[i])];
            out.add(Event.newBuilder(e).setSeverity(s).setRule(trail(e.getRule(), trails.get(i))).build());
        }
        out.addAll(watches);
        return changed ? EnrichedArticle.newBuilder(segment).setEvents(out).build() : segment;
    }

    private void applyToEvents(OperatorRule r, List<Event> events, View view, Severity[] set, int[] bump,
                               List<List<String>> trails, List<Event> watches) {
        Event first = null;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (!matches(r, e, view)) continue;
            if (first == null) first = e;
            boolean touches = r.changesSeverity() || (!r.raisesAlert() && !r.tags().isEmpty());
            // an operator shapes alerts; the status policy (no alert for hypothetical, negated, …) stays
            if (!e.getRaisesAlert() || !touches) continue;
            if (r.setSeverity() != null && (set[i] == null || r.setSeverity().ordinal() < set[i].ordinal())) set[i] = r.setSeverity();
            bump[i] = Math.max(bump[i], r.bumpSeverity());
            addTrail(trails.get(i), r);
        }
        if (first != null && r.raisesAlert()) {
            watches.add(watch(r, first.getPlace(), first.getActors(), first.getEvidence(), first.getConfidence()));
        }
    }

    private void applyToSegment(OperatorRule r, List<Event> events, View view, List<List<String>> trails, List<Event> watches) {
        SegmentMatch m = matchSegment(r, view);
        if (m == null) return;
        if (r.raisesAlert()) {
            watches.add(watch(r, m.place(), m.actors(), m.evidence(), TEXT_MATCH_CONFIDENCE));
        } else {
            for (int i = 0; i < events.size(); i++) if (events.get(i).getRaisesAlert()) addTrail(trails.get(i), r);
        }
    }

    private static void addTrail(List<String> trail, OperatorRule r) {
        trail.add(r.trailName());
        for (String t : r.tags()) trail.add("tag:" + t);
    }

    private static String trail(String detectorRule, List<String> added) {
        Set<String> parts = new LinkedHashSet<>();
        if (detectorRule != null && !detectorRule.isBlank()) parts.add(detectorRule);
        parts.addAll(added);
        return String.join(" ", parts);
    }

    private static Event watch(OperatorRule r, Place place, List<String> actors, String evidence, double confidence) {
        List<String> trail = new ArrayList<>();
        addTrail(trail, r);
        return Event.newBuilder()
                .setType(r.raiseType())
                .setStatus(EventStatus.ASSERTED)
                .setConfidence(confidence)
                .setPlace(place)
                .setActors(new ArrayList<>(actors.subList(0, Math.min(actors.size(), MAX_WATCH_ACTORS))))
                .setEvidence(evidence)
                .setQuantities(new HashMap<>())
                .setRaisesAlert(true)
                .setSeverity(r.raiseSeverity())
                .setRule(trail(null, trail))
                .build();
    }

    // ---- matching one event ----------------------------------------------------------------------------------

    boolean matches(OperatorRule r, Event e, View view) {
        if (!r.types().isEmpty() && !r.types().contains(e.getType())) return false;
        if (r.statuses().isEmpty() ? !e.getRaisesAlert() : !r.statuses().contains(e.getStatus())) return false;
        if (r.minSeverity() != null && e.getSeverity().ordinal() > r.minSeverity().ordinal()) return false;
        if (hasRegions(r) && !inRegion(r, e.getPlace())) return false;
        FoldedText evidence = view.folded(e.getEvidence());
        if (hasPlaces(r) && !namesPlace(r, e, evidence, view)) return false;
        if (hasActors(r) && !namesActor(r, e, evidence, view)) return false;
        if (!r.keywords().isEmpty() && r.keywords().stream().noneMatch(k -> k.occursIn(evidence))) return false;
        return r.patterns().isEmpty() || r.patterns().stream().anyMatch(p -> p.find(e.getEvidence()));
    }

    private boolean inRegion(OperatorRule r, Place p) {
        if (p == null) return false;
        if (p.getCountry() != null && r.countries().contains(p.getCountry())) return true;
        return p.getAdmin1() != null && r.governorates().contains(vocabulary.governorateKeyOf(p.getAdmin1()));
    }

    private static boolean namesPlace(OperatorRule r, Event e, FoldedText evidence, View view) {
        Place p = e.getPlace();
        if (p != null && r.placeIds().contains(p.getId())) return true;
        for (Place sp : view.segment.getPlaces()) {
            if (r.placeIds().contains(sp.getId()) && FoldedPhrase.of(sp.getName()).occursIn(evidence)) return true;
        }
        for (FoldedPhrase name : r.placeNames()) {
            if (p != null && name.occursIn(FoldedText.of(p.getName()))) return true;
            if (name.occursIn(evidence)) return true;
        }
        return false;
    }

    private static boolean namesActor(OperatorRule r, Event e, FoldedText evidence, View view) {
        for (Entity en : view.segment.getEntities()) {
            if (!listsEntity(r, en)) continue;
            if (e.getActors().contains(en.getName())
                    || en.getMentions().stream().anyMatch(mn -> FoldedPhrase.of(mn).occursIn(evidence))) {
                return true;
            }
        }
        for (FoldedPhrase name : r.actorNames()) {
            if (e.getActors().stream().anyMatch(a -> name.isWhole(FoldedText.of(a)))) return true;
            if (name.occursIn(evidence)) return true;
        }
        return false;
    }

    /** By id, or by a name that is the entity's canonical name or one of its mentions in this segment. */
    private static boolean listsEntity(OperatorRule r, Entity en) {
        if (r.actorIds().contains(en.getId())) return true;
        return r.actorNames().stream().anyMatch(n -> n.isWhole(FoldedText.of(en.getName()))
                || en.getMentions().stream().anyMatch(mn -> n.isWhole(FoldedText.of(mn))));
    }

    // ---- matching a whole segment ------------------------------------------------------------------------------

    record SegmentMatch(Place place, List<String> actors, String evidence) {}

    SegmentMatch matchSegment(OperatorRule r, View view) {
        EnrichedArticle s = view.segment;
        List<Place> places = view.places();
        if (hasRegions(r) && places.stream().noneMatch(p -> inRegion(r, p))) return null;

        Place matchedPlace = null;
        List<FoldedPhrase> cues = new ArrayList<>();
        if (hasPlaces(r)) {
            for (Place p : places) {
                FoldedText name = FoldedText.of(p.getName());
                if (r.placeIds().contains(p.getId()) || r.placeNames().stream().anyMatch(n -> n.occursIn(name))) {
                    matchedPlace = p;
                    cues.add(FoldedPhrase.of(p.getName()));
                    break;
                }
            }
            if (matchedPlace == null) {
                FoldedPhrase mentioned = r.placeNames().stream().filter(n -> n.occursIn(view.wholeText())).findFirst().orElse(null);
                if (mentioned == null) return null;
                cues.add(mentioned);
            }
        }
        Set<String> matchedActors = new LinkedHashSet<>();
        if (hasActors(r)) {
            for (Entity en : s.getEntities()) {
                if (listsEntity(r, en)) {
                    matchedActors.add(en.getName());
                    cues.add(FoldedPhrase.of(en.getName()));
                    en.getMentions().forEach(mn -> cues.add(FoldedPhrase.of(mn)));
                }
            }
            if (matchedActors.isEmpty()) {
                List<FoldedPhrase> mentioned = r.actorNames().stream().filter(n -> n.occursIn(view.wholeText())).toList();
                if (mentioned.isEmpty()) return null;
                mentioned.forEach(n -> matchedActors.add(n.written()));
                cues.addAll(mentioned);
            }
        }

        String evidence = null;
        boolean textCriteria = !r.keywords().isEmpty() || !r.patterns().isEmpty();
        for (int i = 0; i < view.sentences().size() && evidence == null; i++) {
            String sentence = view.sentences().get(i);
            FoldedText folded = view.foldedSentences().get(i);
            if (textCriteria) {
                boolean kw = r.keywords().isEmpty() || r.keywords().stream().anyMatch(k -> k.occursIn(folded));
                if (kw && (r.patterns().isEmpty() || r.patterns().stream().anyMatch(p -> p.find(sentence)))) evidence = sentence;
            } else if (cues.stream().anyMatch(c -> c.occursIn(folded))) {
                evidence = sentence;
            }
        }
        if (evidence == null) {
            if (textCriteria) return null;
            evidence = s.getHeadline() != null && !s.getHeadline().isBlank() ? s.getHeadline()
                    : view.sentences().isEmpty() ? s.getText() : view.sentences().get(0);
        }
        Place place = matchedPlace != null ? matchedPlace : places.isEmpty() ? null : places.get(0);
        List<String> actors = !matchedActors.isEmpty() ? new ArrayList<>(matchedActors)
                : s.getEntities().stream().map(Entity::getName).distinct().toList();
        return new SegmentMatch(place, actors, evidence);
    }

    private static boolean hasRegions(OperatorRule r) {
        return !r.governorates().isEmpty() || !r.countries().isEmpty();
    }

    private static boolean hasPlaces(OperatorRule r) {
        return !r.placeIds().isEmpty() || !r.placeNames().isEmpty();
    }

    private static boolean hasActors(OperatorRule r) {
        return !r.actorIds().isEmpty() || !r.actorNames().isEmpty();
    }

    /** One segment, folded lazily and once, however many rules look at it. */
    static final class View {
        final EnrichedArticle segment;
        private final Map<String, FoldedText> folded = new HashMap<>();
        private List<String> sentences;
        private List<FoldedText> foldedSentences;
        private FoldedText wholeText;

        View(EnrichedArticle segment) {
            this.segment = segment;
        }

        FoldedText folded(String text) {
            return folded.computeIfAbsent(text, FoldedText::of);
        }

        List<String> sentences() {
            if (sentences == null) {
                List<String> out = new ArrayList<>();
                if (segment.getHeadline() != null && !segment.getHeadline().isBlank()) out.add(segment.getHeadline().strip());
                for (Sentences.Span sp : Sentences.split(segment.getText())) out.add(sp.of(segment.getText()));
                sentences = out;
            }
            return sentences;
        }

        List<FoldedText> foldedSentences() {
            if (foldedSentences == null) foldedSentences = sentences().stream().map(FoldedText::of).toList();
            return foldedSentences;
        }

        FoldedText wholeText() {
            if (wholeText == null) {
                wholeText = FoldedText.of((segment.getHeadline() == null ? "" : segment.getHeadline() + "\n") + segment.getText());
            }
            return wholeText;
        }

        /** The segment's places, then those of its events not already among them. */
        List<Place> places() {
            List<Place> out = new ArrayList<>(segment.getPlaces());
            Set<String> ids = new LinkedHashSet<>();
            out.forEach(p -> ids.add(p.getId()));
            for (Event e : segment.getEvents()) if (e.getPlace() != null && ids.add(e.getPlace().getId())) out.add(e.getPlace());
            return out;
        }
    }
}
