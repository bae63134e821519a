package io.sitrep.nlp.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The meaning of each lexicon entry id: which rule and role, cue group, number or quantity kind. Compiling a
 * pack registers every phrase of every rule and of the status lexicon into one {@link Lexicon}.
 */
final class Entries {
    private record Entry(Kind kind, int rule, int index, long value, String label) {}

    private final List<Entry> list = new ArrayList<>();
    // the entries' fields as arrays, read on the hot path
    private Kind[] kinds = new Kind[0];
    private int[] ruleOf = new int[0];
    private int[] indexes = new int[0];
    private long[] values = new long[0];

    Lexicon compile(RulePack pack) {
        Lexicon.Builder b = Lexicon.builder();
        List<EventRule> rules = pack.rules();
        for (int r = 0; r < rules.size(); r++) {
            EventRule rule = rules.get(r);
            int trigger = add(Kind.TRIGGER, r, 0, 0, null);
            for (String p : rule.triggers()) b.add(p, trigger);
            int weak = add(Kind.WEAK_TRIGGER, r, 0, 0, null);
            for (String p : rule.weakTriggers()) b.add(p, weak);
            for (int k = 0; k < rule.roles().size(); k++) {
                int role = add(Kind.ROLE, r, k, 0, null);
                for (String p : rule.roles().get(k).terms()) b.add(p, role);
            }
            int exclusion = add(Kind.EXCLUSION, r, 0, 0, null);
            for (String p : rule.exclusions()) b.add(p, exclusion);
            int veto = add(Kind.VETO, r, 0, 0, null);
            for (String p : rule.vetoes()) b.add(p, veto);
        }
        StatusLexicon s = pack.status();
        for (int c = 0; c < s.cues().size(); c++) {
            int cue = add(Kind.CUE, -1, c, 0, null);
            for (String p : s.cues().get(c).terms()) b.add(p, cue);
        }
        single(b, Kind.HEDGE, s.hedges());
        single(b, Kind.CLAUSE_BREAK, s.clauseBreaks());
        single(b, Kind.YEAR_PREFIX, s.yearPrefixes());
        single(b, Kind.DATE_IGNORE, s.dateIgnoreAfter());
        single(b, Kind.PERSON, s.persons());
        for (Map.Entry<String, Integer> m : s.months().entrySet()) b.add(m.getKey(), add(Kind.MONTH, -1, 0, m.getValue(), null));
        for (Map.Entry<String, Long> n : s.numbers().entrySet()) b.add(n.getKey(), add(Kind.NUMBER_WORD, -1, 0, n.getValue(), null));
        for (Map.Entry<String, List<String>> v : s.quantityVerbs().entrySet()) {
            int verb = add(Kind.QUANTITY_VERB, -1, 0, 0, v.getKey());
            for (String p : v.getValue()) b.add(p, verb);
        }
        kinds = list.stream().map(Entry::kind).toArray(Kind[]::new);
        ruleOf = list.stream().mapToInt(Entry::rule).toArray();
        indexes = list.stream().mapToInt(Entry::index).toArray();
        values = list.stream().mapToLong(Entry::value).toArray();
        return b.build();
    }

    private void single(Lexicon.Builder b, Kind kind, List<String> phrases) {
        int id = add(kind, -1, 0, 0, null);
        for (String p : phrases) b.add(p, id);
    }

    private int add(Kind kind, int rule, int index, long value, String label) {
        list.add(new Entry(kind, rule, index, value, label));
        return list.size() - 1;
    }

    Kind kind(int entry) { return kinds[entry]; }

    boolean isTrigger(int entry) { return kinds[entry] == Kind.TRIGGER || kinds[entry] == Kind.WEAK_TRIGGER; }

    int rule(int entry) { return ruleOf[entry]; }

    int index(int entry) { return indexes[entry]; }

    long value(int entry) { return values[entry]; }

    String quantityKind(int entry) { return list.get(entry).label(); }

    long numberAt(Lexicon.Hits hits, int token) {
        int h = firstAt(hits, token);
        for (; h < hits.size && hits.start[h] == token; h++) {
            if (kinds[hits.entry[h]] == Kind.NUMBER_WORD && hits.end[h] == token + 1) return values[hits.entry[h]];
        }
        return 0;
    }

    int monthOf(Lexicon.Hits hits, int token) {
        int h = firstAt(hits, token);
        for (; h < hits.size && hits.start[h] == token; h++) {
            if (kinds[hits.entry[h]] == Kind.MONTH) return (int) values[hits.entry[h]];
        }
        return -1;
    }

    /** Binary search for the first hit starting at or after the token (hits are ordered by start). */
    private static int firstAt(Lexicon.Hits hits, int token) {
        int lo = 0, hi = hits.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits.start[mid] < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
