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
    /** Per entry, the token fact its hit gives the token it starts at (a phrase of several words), 0 for none. */
    private byte[] hitFacts = new byte[0];
    // per lexicon class: the facts of its token, the month it names (-1) and the number it names (0)
    private byte[] classFlags = new byte[0];
    private int[] classMonth = new int[0];
    private long[] classNumber = new long[0];

    // facts of a token (a byte per token): what the one-word phrases of its class, and hits starting at it, say
    static final byte CLAUSE_BREAK = 1;
    /** A month name; only counts when the token is capitalised ("May", not "may"). */
    static final byte MONTH = 2;
    static final byte NUMBER_WORD = 4;
    static final byte PERSON = 8;
    static final byte YEAR_PREFIX = 16;
    static final byte DATE_IGNORE = 32;
    /** A number, or a word starting with a digit ("1980s"): what a date or a count may be read from. */
    static final byte NUMERIC = 64;
    /** A token whose class may start a trigger phrase: only a sentence holding one is matched (Tokens keeps them). */
    static final byte MAY_START_TRIGGER = (byte) 0x80;

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
        hitFacts = new byte[list.size()];
        for (int e = 0; e < hitFacts.length; e++) {
            // a month is one word; a number of several words counts for nothing
            Kind k = kinds[e];
            if (k == Kind.CLAUSE_BREAK || k == Kind.PERSON || k == Kind.YEAR_PREFIX || k == Kind.DATE_IGNORE) hitFacts[e] = flagOf(k);
        }
        Lexicon lexicon = b.build(e -> flagOf(kinds[e]) != 0);
        int classes = lexicon.classCount();
        classFlags = new byte[classes + 1]; // [0]: no class, no facts
        classMonth = new int[classes];
        classNumber = new long[classes];
        for (int c = 0; c < classes; c++) {
            classMonth[c] = -1;
            for (int e : lexicon.factsOf(c)) {
                classFlags[c + 1] |= flagOf(kinds[e]);
                // the first of each, as a search of the token's hits in order would have found
                if (kinds[e] == Kind.MONTH && classMonth[c] < 0) classMonth[c] = (int) values[e];
                if (kinds[e] == Kind.NUMBER_WORD && classNumber[c] == 0) classNumber[c] = values[e];
            }
        }
        boolean[] startsTrigger = lexicon.classesStarting(this::isTrigger);
        for (int c = 0; c < classes; c++) if (startsTrigger[c]) classFlags[c + 1] |= MAY_START_TRIGGER;
        return lexicon;
    }

    /** The token fact an entry of this kind stands for, 0 for the kinds that are matched as hits. */
    static byte flagOf(Kind kind) {
        return switch (kind) {
            case CLAUSE_BREAK -> CLAUSE_BREAK;
            case MONTH -> MONTH;
            case NUMBER_WORD -> NUMBER_WORD;
            case PERSON -> PERSON;
            case YEAR_PREFIX -> YEAR_PREFIX;
            case DATE_IGNORE -> DATE_IGNORE;
            default -> 0;
        };
    }

    /**
     * Per lexicon class + 1, the facts of its token (MONTH before its capital is checked), none at 0 for a token
     * without a class (-1): read by {@link Tokens#read}, not to be changed.
     */
    byte[] classFlags() { return classFlags; }

    /** The month a token of the class names, -1 for none. */
    int classMonth(int cls) { return classMonth[cls]; }

    /** The number a token of the class names as one word, 0 for none. */
    long classNumber(int cls) { return classNumber[cls]; }

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

    /** The token fact a hit of the entry gives the token it starts at (see Tokens.flags), 0 for none. */
    byte hitFact(int entry) { return hitFacts[entry]; }

    int index(int entry) { return indexes[entry]; }

    long value(int entry) { return values[entry]; }

    String quantityKind(int entry) { return list.get(entry).label(); }
}
