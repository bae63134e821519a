package io.sitrep.nlp.clean;

import io.sitrep.nlp.text.DataFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        if (from >= line.length()) return Optional.empty();
        char first = line.charAt(from);
        // regionMatches compares a surrogate pair as one code point: such a line is compared with every name
        List<String> candidates = Character.isSurrogate(first) ? keysLongestFirst : keysByFirst.get(caseFolded(first));
        if (candidates == null) return Optional.empty();
        for (String k : candidates) {
            int end = from + k.length();
            if (end > line.length()) continue;
            if (!line.regionMatches(true, from, k, 0, k.length())) continue;
            if (end < line.length() && Character.isLetter(line.charAt(end))) continue;
            return Optional.of(new Match(byKey.get(k), end));
        }
        return Optional.empty();
    }

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
