package io.sitrep.nlp.place;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The places one folded name can mean, best first when nothing else is known; or a blocked name (stop list) that
 * is never a place. Immutable.
 */
final class Candidates {
    static final Candidates BLOCKED = new Candidates(new GazetteerEntry[0]);

    /** Without context: larger kind of place, then the theatre, then population, then id for a stable order. */
    static final Comparator<GazetteerEntry> BY_IMPORTANCE = Comparator.comparingInt(GazetteerEntry::rank).reversed()
            .thenComparing(GazetteerEntry::inTheatre, Comparator.reverseOrder())
            .thenComparing(GazetteerEntry::population, Comparator.reverseOrder())
            .thenComparing(e -> e.place().id());

    private final GazetteerEntry[] entries;
    /** The governorate or country every candidate shares, which an ambiguous name cannot lend as context. */
    private final String sharedAdmin1;
    private final String sharedCountry;

    private Candidates(GazetteerEntry[] entries) {
        this.entries = entries;
        this.sharedAdmin1 = shared(entries, true);
        this.sharedCountry = shared(entries, false);
    }

    static Candidates of(List<GazetteerEntry> entries) {
        GazetteerEntry[] sorted = entries.toArray(new GazetteerEntry[0]);
        Arrays.sort(sorted, BY_IMPORTANCE);
        return new Candidates(sorted);
    }

    private static String shared(GazetteerEntry[] entries, boolean admin1) {
        if (entries.length == 0) return null;
        String first = admin1 ? entries[0].place().admin1() : entries[0].place().country();
        for (GazetteerEntry e : entries) {
            if (!Objects.equals(first, admin1 ? e.place().admin1() : e.place().country())) return null;
        }
        return first;
    }

    boolean blocked() { return entries.length == 0; }

    List<GazetteerEntry> entries() { return List.of(entries); }

    String sharedAdmin1() { return sharedAdmin1; }

    String sharedCountry() { return sharedCountry; }

    /**
     * The candidate the text supports: one whose governorate is mentioned elsewhere in it, else whose country is,
     * else the most important; ties go to the theatre and the larger population.
     */
    GazetteerEntry best(Set<String> mentionedAdmin1, Set<String> mentionedCountries) {
        GazetteerEntry best = entries[0];
        if (entries.length == 1) return best;
        int bestScore = contextScore(best, mentionedAdmin1, mentionedCountries);
        for (int i = 1; i < entries.length; i++) {
            int score = contextScore(entries[i], mentionedAdmin1, mentionedCountries);
            if (score > bestScore) { // entries are in importance order, so the first of equal score stays
                best = entries[i];
                bestScore = score;
            }
        }
        return best;
    }

    private static int contextScore(GazetteerEntry e, Set<String> admin1s, Set<String> countries) {
        String a = e.place().admin1();
        int score = 0;
        if (a != null && admin1s.contains(a)) score += 2;
        if (countries.contains(e.place().country())) score += 1;
        return score;
    }
}
