package io.sitrep.streams.escalation;

import io.sitrep.model.Ids;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.nlp.place.Governorate;
import io.sitrep.nlp.place.Governorates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An escalation as the alert path reads it: a one-event segment of type ESCALATION that raises an alert, placed at
 * the governorate (its label point), with a sentence that states the counts as evidence.
 */
public final class EscalationArticles {
    public static final String TYPE = "ESCALATION";
    public static final String SOURCE = "sitrep escalation";

    private EscalationArticles() {}

    /** {@code escalation:<governorate>:<type>:<window start>}, e.g. {@code escalation:Al Anbar:ATTACK:2026-01-21T00:00:00Z}. */
    public static String id(String governorate, String type, Instant windowStart) {
        return "escalation:" + governorate + ":" + type + ":" + windowStart;
    }

    /** "7 ATTACK events in Al Anbar in 24 h against a baseline of 1.2 (deviation 0.8, previous 7 windows)" */
    public static String evidence(String governorate, String type, Duration window, Spike spike) {
        return String.format(Locale.ROOT, "%d %s events in %s in %s against a baseline of %.1f (deviation %.1f, previous %d windows)",
                spike.count(), type, governorate, span(window), spike.baseline().mean(), spike.baseline().deviation(),
                spike.baseline().windows());
    }

    /** "24 h", "3 d", "30 min". */
    static String span(Duration d) {
        if (d.toSecondsPart() != 0 || d.toMinutesPart() != 0) return d.toMinutes() + " min";
        long hours = d.toHours();
        return hours > 24 && hours % 24 == 0 ? hours / 24 + " d" : hours + " h";
    }

    /**
     * @param seenAt event time of the latest event counted: the escalation's publication time
     */
    public static EnrichedArticle of(String governorate, String type, Instant windowStart, Duration window, Spike spike,
                                     Instant seenAt) {
        String id = id(governorate, type, windowStart);
        String evidence = evidence(governorate, type, window, spike);
        Optional<Place> place = placeOf(governorate);
        Event event = Event.newBuilder()
                .setType(TYPE)
                .setStatus(EventStatus.ASSERTED)
                .setConfidence(Math.min(0.99, 0.5 + 0.05 * spike.score()))
                .setPlace(place.orElse(null))
                .setActors(List.of())
                .setEvidence(evidence)
                .setQuantities(Map.of(
                        "count", spike.count(),
                        "baselineMeanTimes10", Math.round(spike.baseline().mean() * 10),
                        "windowHours", window.toHours()))
                .setRaisesAlert(true)
                .setSeverity(spike.severity())
                .setRule("escalation:" + type)
                .build();
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setArticleId(id)
                .setSource(SOURCE)
                .setOutlet(SOURCE)
                .setHeadline("Escalation of " + type + " in " + governorate)
                .setText(evidence)
                .setLanguage("en")
                .setPublishedAt(seenAt)
                .setContentHash(Ids.hash(Ids.normaliseText(evidence)))
                .setPlaces(place.map(List::of).orElse(List.of()))
                .setEvents(List.of(event))
                .build();
    }

    static Optional<Place> placeOf(String governorate) {
        return Governorates.standard().byName(governorate).map(EscalationArticles::place);
    }

    private static Place place(Governorate g) {
        return Place.newBuilder().setId("gov:" + g.code()).setName(g.name()).setLat(g.lat()).setLon(g.lon())
                .setAdmin1(g.name()).setCountry(g.country()).setKind("governorate").build();
    }
}
