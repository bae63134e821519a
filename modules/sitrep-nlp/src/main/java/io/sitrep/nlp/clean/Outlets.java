package io.sitrep.nlp.clean;

import io.sitrep.nlp.text.DataFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The outlet directory from {@code /clean/outlets.tsv}: resolves a byline or a source name to its outlet and
 * finds an outlet name at the start of a line (longest alias wins, so "Rudaw Net" beats "Rudaw").
 */
public final class Outlets {
    private static final String RESOURCE = "/clean/outlets.tsv";
    private final Map<String, Outlet> byKey = new HashMap<>();
    private final List<String> keysLongestFirst = new ArrayList<>();
    /** Keys longest first by the case-folded first char, so that a line is only compared with names it may start. */
    private final Map<Character, List<String>> keysByFirst = new HashMap<>();
    /** The chars below {@link #FIRST_CHARS_JUDGED} that {@link #keysByFirst} has names for, as bits: no boxing. */
    private static final char FIRST_CHARS_JUDGED = 0x800;
    private final long[] firstChars = new long[FIRST_CHARS_JUDGED / 64];
    /** {@link #keysByFirst} as indexes in {@link #keysLongestFirst}, and all of these. */
    private final Map<Character, int[]> namesByFolded = new HashMap<>();
    /** {@link #namesByFolded} of each char below {@link #FIRST_CHARS_JUDGED}, without boxing. */
    private final int[][] namesByChar = new int[FIRST_CHARS_JUDGED][];
    private final int[] allNames;
    private final boolean namesHaveSurrogates;

    Outlets(List<DataFile.Line> lines) {
        for (DataFile.Line line : lines) {
            String[] f = line.fields();
            if (f.length != 3) throw line.error("expected 3 tab-separated fields (name, aliases, aggregator), got " + f.length);
            String name = f[0].strip();
            if (name.isEmpty()) throw line.error("empty outlet name");
            String flag = f[2].strip();
            if (!flag.equals("true") && !flag.equals("false")) throw line.error("aggregator must be true or false, was '" + flag + "'");
            List<String> aliases = new ArrayList<>();
            for (String a : f[1].split("\\|")) if (!a.isBlank()) aliases.add(a.strip());
            Outlet outlet = new Outlet(name, List.copyOf(aliases), Boolean.parseBoolean(flag));
            register(line, name, outlet);
            for (String a : aliases) register(line, a, outlet);
        }
        keysLongestFirst.addAll(byKey.keySet());
        keysLongestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String k : keysLongestFirst) keysByFirst.computeIfAbsent(caseFolded(k.charAt(0)), c -> new ArrayList<>()).add(k);
        for (char c = 0; c < FIRST_CHARS_JUDGED; c++) if (keysByFirst.containsKey(caseFolded(c))) firstChars[c >>> 6] |= 1L << c;
        for (var e : keysByFirst.entrySet()) namesByFolded.put(e.getKey(), e.getValue().stream().mapToInt(keysLongestFirst::indexOf).toArray());
        for (char c = 0; c < FIRST_CHARS_JUDGED; c++) namesByChar[c] = namesByFolded.get(caseFolded(c));
        allNames = IntStream.range(0, keysLongestFirst.size()).toArray();
        namesHaveSurrogates = keysLongestFirst.stream().anyMatch(k -> k.chars().anyMatch(c -> Character.isSurrogate((char) c)));
    }

    public static Outlets standard() { return Holder.STANDARD; }

    /** The outlet a name stands for (case-insensitive, any alias), or empty. */
    public Optional<Outlet> resolve(String name) {
        if (name == null) return Optional.empty();
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** Whether {@code name} is a known aggregator (unknown names are not). */
    public boolean isAggregator(String name) { return resolve(name).map(Outlet::aggregator).orElse(false); }

    /**
     * The outlet named at {@code from} in {@code line}, and where its name ends; empty when none. The name must end
     * at a non-letter (so "Shafaq Newsroom" is not Shafaq News) but may be glued to a digit ("Shafaq News20-03-2025").
     */
    Optional<Match> at(String line, int from) {
        int k = nameAt(line, from);
        return k < 0 ? Optional.empty() : Optional.of(new Match(outletOf(k), from + nameLength(k)));
    }

    /** The index of the name {@link #at} finds, or -1. */
    private int nameAt(String line, int from) {
        if (from >= line.length()) return -1;
        char first = line.charAt(from);
        // regionMatches compares a surrogate pair as one code point: such a line is compared with every name
        int[] candidates = Character.isSurrogate(first) ? allNames : namesByFirst(first);
        if (candidates == null) return -1;
        for (int k : candidates) {
            String name = keysLongestFirst.get(k);
            int end = from + name.length();
            if (end > line.length()) continue;
            if (!line.regionMatches(true, from, name, 0, name.length())) continue;
            if (end < line.length() && Character.isLetter(line.charAt(end))) continue;
            return k;
        }
        return -1;
    }

    /**
     * {@link #at} of the line {@code chars[from, to)} at its start, read in place: the index of the name found in
     * {@link #nameLength}/{@link #outletOf}, or -1 when none.
     */
    int nameAt(char[] chars, int from, int to) {
        if (from >= to) return -1;
        char first = chars[from];
        if (Character.isSurrogate(first) || namesHaveSurrogates) { // compared as code points: the long way
            return nameAt(new String(chars, from, to - from), 0);
        }
        int[] candidates = namesByFirst(first);
        if (candidates == null) return -1;
        for (int k : candidates) {
            String name = keysLongestFirst.get(k);
            int end = from + name.length();
            if (end > to || !regionMatchesIgnoreCase(chars, from, name)) continue;
            if (end < to && Character.isLetter(chars[end])) continue;
            return k;
        }
        return -1;
    }

    /** The length of the name of index {@code k} ({@link #nameAt}). */
    int nameLength(int k) { return keysLongestFirst.get(k).length(); }

    /** The outlet of the name of index {@code k} ({@link #nameAt}). */
    Outlet outletOf(int k) { return byKey.get(keysLongestFirst.get(k)); }

    /**
     * {@code String.regionMatches(true, ...)} of {@code chars} at {@code at} with {@code name} (which holds no
     * surrogate, so chars compare one by one): equal, or equal in upper case, or in the lower case of upper case.
     */
    private static boolean regionMatchesIgnoreCase(char[] chars, int at, String name) {
        for (int k = 0; k < name.length(); k++) {
            char c1 = chars[at + k], c2 = name.charAt(k);
            if (c1 == c2) continue;
            if ((c1 | c2) < 0x80) { // two ASCII chars are equal so only as the two cases of a letter
                int lower = c1 | 0x20;
                if (lower != (c2 | 0x20) || lower < 'a' || lower > 'z') return false;
                continue;
            }
            char u1 = Character.toUpperCase(c1), u2 = Character.toUpperCase(c2);
            if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) return false;
        }
        return true;
    }

    /** The indexes in {@link #keysLongestFirst} of the names that may start with {@code c}, longest first, or null. */
    private int[] namesByFirst(char c) { return c < FIRST_CHARS_JUDGED ? namesByChar[c] : namesByFolded.get(caseFolded(c)); }

    /** Whether an outlet name may start with {@code first}: false means {@link #at} finds none at a char like it. */
    boolean mayStartWith(char first) {
        if (first < FIRST_CHARS_JUDGED) return (firstChars[first >>> 6] & 1L << first) != 0;
        return Character.isSurrogate(first) || keysByFirst.containsKey(caseFolded(first));
    }

    record Match(Outlet outlet, int end) {}

    private void register(DataFile.Line line, String name, Outlet outlet) {
        Outlet previous = byKey.putIfAbsent(key(name), outlet);
        if (previous != null && previous != outlet) throw line.error("name '" + name + "' already belongs to " + previous.name());
    }

    /** Two chars are equal ignoring case for {@link String#regionMatches(boolean, int, String, int, int)} when these are. */
    private static char caseFolded(char c) { return Character.toLowerCase(Character.toUpperCase(c)); }

    private static String key(String name) { return name.strip().toLowerCase(Locale.ROOT); }

    private static final class Holder {
        static final Outlets STANDARD = new Outlets(DataFile.read(RESOURCE));
    }
}
