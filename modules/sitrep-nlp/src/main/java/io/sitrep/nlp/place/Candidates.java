package io.sitrep.nlp.place;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The places one folded name can mean, best first when nothing else is known; or a blocked name (stop list) that
 * is never a place. Immutable.
 */
final class Candidates {
    /** Without context: larger kind of place, then the theatre, then population, then id for a stable order. */
    static final Comparator<GazetteerEntry> BY_IMPORTANCE = Comparator.comparingInt(GazetteerEntry::rank).reversed()
            .thenComparing(GazetteerEntry::inTheatre, Comparator.reverseOrder())
            .thenComparing(GazetteerEntry::population, Comparator.reverseOrder())
            .thenComparing(e -> e.place().id());

    private final GazetteerEntry[] entries;
    /** Each entry's governorate and country as {@link RegionBits} (0 for none), so scoring compares longs. */
    private final long[] admin1Bits;
    private final long[] countryBits;
    /** The governorate or country every candidate shares, which an ambiguous name cannot lend as context. */
    private final long sharedAdmin1Bit;
    private final long sharedCountryBit;

    private Candidates(GazetteerEntry[] entries, RegionBits bits) {
        this.entries = entries;
        admin1Bits = new long[entries.length];
        countryBits = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            admin1Bits[i] = bits.admin1(entries[i].place().admin1());
            countryBits[i] = bits.country(entries[i].place().country());
        }
        sharedAdmin1Bit = bits.admin1(shared(entries, true));
        sharedCountryBit = bits.country(shared(entries, false));
    }

    static Candidates blocked(RegionBits bits) {
        return new Candidates(new GazetteerEntry[0], bits);
    }

    static Candidates of(List<GazetteerEntry> entries, RegionBits bits) {
        GazetteerEntry[] sorted = entries.toArray(new GazetteerEntry[0]);
        Arrays.sort(sorted, BY_IMPORTANCE);
        return new Candidates(sorted, bits);
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

    /** The bit of the governorate all candidates share, 0 when they do not. */
    long sharedAdmin1Bit() { return sharedAdmin1Bit; }

    /** The bit of the country all candidates share, 0 when they do not. */
    long sharedCountryBit() { return sharedCountryBit; }

    /**
     * The candidate the text supports: one whose governorate is mentioned elsewhere in it, else whose country is,
     * else the most important; ties go to the theatre and the larger population. The mentions are {@link
     * RegionBits} of the gazetteer these candidates belong to.
     */
    GazetteerEntry best(long mentionedAdmin1, long mentionedCountries) {
        int best = 0;
        if (entries.length == 1) return entries[0];
        int bestScore = contextScore(0, mentionedAdmin1, mentionedCountries);
        for (int i = 1; i < entries.length; i++) {
            int score = contextScore(i, mentionedAdmin1, mentionedCountries);
            if (score > bestScore) { // entries are in importance order, so the first of equal score stays
                best = i;
                bestScore = score;
            }
        }
        return entries[best];
    }

    private int contextScore(int entry, long admin1s, long countries) {
        int score = 0;
        if ((admin1Bits[entry] & admin1s) != 0) score += 2;
        if ((countryBits[entry] & countries) != 0) score += 1;
        return score;
    }
}
