package io.sitrep.streams.alerts;

import io.sitrep.model.Ids;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Story;
import io.sitrep.model.avro.StoryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides where a report belongs among the open stories of its type: already counted (a replay), the same
 * text re-published (a duplicate, kept but not a corroboration), another report of an existing story, or a
 * new story. Pure logic, no Kafka: the alert processor keeps the stories in a state store.
 */
public final class StoryBook {
    private final AlertSettings settings;

    public StoryBook(AlertSettings settings) {
        this.settings = settings;
    }

    public sealed interface Decision permits Known, Joined, Opened {
        /** The story to store and show, or null when nothing changed. */
        Story updated();
    }
    /** The segment is already in this story: nothing changes. */
    public record Known(Story story) implements Decision {
        @Override public Story updated() { return null; }
    }
    /** The report joined an existing story, which is returned updated. */
    public record Joined(Story before, Story after) implements Decision {
        @Override public Story updated() { return after; }
    }
    /** No story matched: a new one. */
    public record Opened(Story story) implements Decision {
        @Override public Story updated() { return story; }
    }

    public Decision place(IncomingReport in, List<Story> openStories) {
        for (Story s : openStories) {
            for (StoryReport r : s.getReports()) {
                if (r.getSegmentId().equals(in.report().getSegmentId())) return new Known(s);
            }
        }
        // a near-identical text is the same report, whichever story it sits in
        for (Story s : openStories) {
            for (StoryReport r : s.getReports()) {
                if (sameText(r, in.report())) {
                    StoryReport dup = StoryReport.newBuilder(in.report()).setDuplicateOf(r.getSegmentId()).build();
                    return new Joined(s, add(s, in, dup));
                }
            }
        }
        Story best = null;
        double bestScore = 0;
        for (Story s : openStories) {
            if (!withinWindow(s, in.time())) continue;
            double score = similarity(s, in);
            if (score > bestScore) { best = s; bestScore = score; }
        }
        if (best != null && bestScore >= settings.joinThreshold()) return new Joined(best, add(best, in, in.report()));
        return new Opened(open(in));
    }

    /** Re-published: the same text, a near-identical page, or the very same evidence sentence. */
    private boolean sameText(StoryReport a, StoryReport b) {
        return a.getContentHash().equals(b.getContentHash())
                || TextFingerprints.distance(a.getSimhash(), b.getSimhash()) <= settings.duplicateDistance()
                || Ids.normaliseText(a.getEvidence()).equals(Ids.normaliseText(b.getEvidence()));
    }

    boolean withinWindow(Story s, Instant t) {
        Duration w = settings.storyWindow();
        return !t.isBefore(s.getFirstSeen().minus(w)) && !t.isAfter(s.getLastSeen().plus(w));
    }

    /** Weighted agreement of place, actors and content words, in [0, 1]. */
    static double similarity(Story s, IncomingReport in) {
        double place = placeAgreement(s.getPlace(), in.place());
        double actors = TextFingerprints.jaccard(new LinkedHashSet<>(s.getActors()), new LinkedHashSet<>(in.actors()));
        double words = TextFingerprints.jaccard(new LinkedHashSet<>(s.getKeywords()), in.keywords());
        return 0.35 * place + 0.2 * actors + 0.45 * words;
    }

    static double placeAgreement(Place a, Place b) {
        if (a == null || b == null) return 0.3;
        if (a.getId().equals(b.getId())) return 1.0;
        if (a.getAdmin1() != null && a.getAdmin1().equals(b.getAdmin1())) return 0.7;
        if (a.getCountry() != null && a.getCountry().equals(b.getCountry())) return 0.3;
        return 0;
    }

    public static String storyId(String type, String firstSegmentId) {
        return type.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + Ids.hash(type + "|" + firstSegmentId);
    }

    /** The type an alert id belongs to, so actions can be routed to the partition that owns the alert. */
    public static String typeOf(String alertId) {
        int dash = alertId.lastIndexOf('-');
        return (dash > 0 ? alertId.substring(0, dash) : alertId).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private Story open(IncomingReport in) {
        return Story.newBuilder()
                .setId(storyId(in.type(), in.report().getSegmentId()))
                .setType(in.type())
                .setFirstSeen(in.time())
                .setLastSeen(in.time())
                .setPlace(in.place())
                .setActors(new ArrayList<>(in.actors()))
                .setKeywords(new ArrayList<>(in.keywords()))
                .setReports(List.of(in.report()))
                .setIndependentOutlets(independentOutlets(List.of(in.report())))
                .build();
    }

    private Story add(Story s, IncomingReport in, StoryReport report) {
        List<StoryReport> reports = new ArrayList<>(s.getReports());
        reports.add(report);
        reports.sort((x, y) -> x.getPublishedAt().compareTo(y.getPublishedAt()));
        Set<String> actors = new LinkedHashSet<>(s.getActors());
        actors.addAll(in.actors());
        Set<String> keywords = new LinkedHashSet<>(s.getKeywords());
        if (report.getDuplicateOf() == null) keywords.addAll(in.keywords());
        Place place = s.getPlace() != null ? s.getPlace() : in.place();
        return Story.newBuilder(s)
                .setFirstSeen(min(s.getFirstSeen(), in.time()))
                .setLastSeen(max(s.getLastSeen(), in.time()))
                .setPlace(place)
                .setActors(new ArrayList<>(actors))
                .setKeywords(new ArrayList<>(keywords))
                .setReports(reports)
                .setIndependentOutlets(independentOutlets(reports))
                .build();
    }

    /**
     * Distinct original outlets. An aggregator page whose original outlet is unknown is not a source, and a
     * duplicate adds nothing its original did not.
     */
    static int independentOutlets(List<StoryReport> reports) {
        Set<String> outlets = new LinkedHashSet<>();
        for (StoryReport r : reports) {
            String outlet = r.getOutlet();
            if (outlet == null || outlet.isBlank()) continue;
            if (r.getAggregator() && outlet.equalsIgnoreCase(String.valueOf(r.getSource()))) continue;
            if (r.getDuplicateOf() != null) continue;
            outlets.add(outlet.trim().toLowerCase(Locale.ROOT));
        }
        return outlets.size();
    }

    private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }
    private static Instant max(Instant a, Instant b) { return a.isAfter(b) ? a : b; }
}
