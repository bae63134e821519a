package io.sitrep.nlp.clean;

import io.sitrep.nlp.text.DataFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The chrome rules of {@code /clean/chrome-patterns.txt}, compiled once. See the file for the rule kinds. */
final class ChromeRules {
    static final String RESOURCE = "/clean/chrome-patterns.txt";
    /** Whole-line regexes only run on lines up to this length: chrome is short, and it bounds the work. */
    static final int MAX_REGEX_LINE = 300;

    /**
     * A regex with the literal a line must contain for it to be tried (null: tried on every line), and the chars a
     * line it matches may start with.
     */
    private record Regex(String trigger, Pattern pattern, FirstChars firsts) {}

    private record Cut(String trigger, Pattern pattern) {}

    private final Set<String> lines = new HashSet<>();
    /** The hashes of {@link #lines}, sorted: most lines are told apart without making their normal form. */
    private final int[] lineHashes;
    /** The first chars of the normal forms of {@link #lines}: most lines are told apart by their first char. */
    private final FirstChars lineFirsts = new FirstChars();
    private final List<String> prefixes = new ArrayList<>();
    /** The first chars of the prefixes, for a quick no. */
    private final FirstChars prefixFirsts = new FirstChars();
    private final List<Regex> regexes = new ArrayList<>();
    private final List<Cut> cuts = new ArrayList<>();

    ChromeRules(List<DataFile.Line> rules) {
        for (DataFile.Line rule : rules) {
            String[] f = rule.fields();
            if (f.length < 2 || f[1].isBlank()) throw rule.error("expected KIND<TAB>PATTERN");
            switch (f[0].strip()) {
                case "line" -> {
                    expect(rule, f, 2);
                    String normal = normal(f[1]);
                    lines.add(normal);
                    lineFirsts.add(normal.charAt(0));
                }
                case "prefix" -> {
                    expect(rule, f, 2);
                    String p = f[1].strip().toLowerCase(Locale.ROOT);
                    prefixes.add(p);
                    prefixFirsts.add(p.charAt(0));
                }
                case "regex" -> {
                    if (f.length == 3 && f[2].isBlank()) throw rule.error("expected regex<TAB>LITERAL<TAB>PATTERN");
                    if (f.length == 3) regexes.add(regex(f[1], compile(rule, f[2])));
                    else { expect(rule, f, 2); regexes.add(regex(null, compile(rule, f[1]))); }
                }
                case "cut" -> { expect(rule, f, 3); cuts.add(new Cut(f[1], compile(rule, f[2]))); }
                default -> throw rule.error("unknown rule kind '" + f[0] + "' (line, prefix, regex, cut)");
            }
        }
        lineHashes = lines.stream().mapToInt(String::hashCode).sorted().toArray();
    }

    static ChromeRules standard() { return Holder.STANDARD; }

    /** The line with its cut rules applied (the same instance when nothing matched). */
    String cut(String line) { return cut(line, cuts); }

    private static String cut(String line, List<Cut> cuts) {
        String out = line;
        for (Cut c : cuts) {
            if (!out.contains(c.trigger())) continue;
            Matcher m = c.pattern().matcher(out);
            if (m.find()) out = m.replaceAll("").strip();
        }
        return out;
    }

    /** Whether a whole (already cut, stripped) line is chrome. */
    boolean isChrome(String line) { return page(line).isChrome(line); }

    /** The rules for the lines of one page, whose whole text is {@code text}. */
    Page page(String text) { return new Page(text); }

    /**
     * The rules as one page applies them: only the cuts whose literal is on the page (looked for once a line holds
     * it), and a regex gets one matcher, reset for each line. Not thread-safe.
     */
    final class Page {
        private static final byte UNKNOWN = 0, ON_PAGE = 1, NOT_ON_PAGE = 2;
        private final String text;
        private final Matcher[] matchers = new Matcher[regexes.size()];
        /** For each cut, whether its literal is on the page. */
        private final byte[] cutOnPage = new byte[cuts.size()];

        private Page(String text) { this.text = text; }

        /** The line with the cut rules applied (the same instance when nothing matched). */
        String cut(String line) {
            String out = line;
            for (int i = 0; i < cutOnPage.length; i++) {
                Cut c = cuts.get(i);
                if (!onPage(i) || !out.contains(c.trigger())) continue; // one look at the page spares one per line
                Matcher m = c.pattern().matcher(out);
                if (m.find()) out = m.replaceAll("").strip();
            }
            return out;
        }

        private boolean onPage(int cut) {
            if (cutOnPage[cut] == UNKNOWN) cutOnPage[cut] = text.contains(cuts.get(cut).trigger()) ? ON_PAGE : NOT_ON_PAGE;
            return cutOnPage[cut] == ON_PAGE;
        }

        /** Whether a whole (already cut, stripped) line is chrome. */
        boolean isChrome(String line) {
            if (line.isEmpty()) return true;
            if (line.length() <= 120 && mayBeLineRule(line) && Arrays.binarySearch(lineHashes, normalHash(line)) >= 0
                    && lines.contains(normal(line))) {
                return true;
            }
            if (mayStartWithPrefix(line) && startsWithPrefix(line)) return true;
            if (line.length() > MAX_REGEX_LINE) return false;
            char first = line.charAt(0);
            for (int i = 0; i < matchers.length; i++) {
                Regex r = regexes.get(i);
                if (!r.firsts().mayBe(first) || r.trigger() != null && !line.contains(r.trigger())) continue;
                Matcher m = matchers[i];
                if (m == null) matchers[i] = m = r.pattern().matcher(line);
                else m.reset(line);
                if (m.matches()) return true;
            }
            return false;
        }
    }

    /** Whether a line starts with a prefix rule, compared in lower case (as its first 64 chars lower-cased). */
    private boolean startsWithPrefix(String line) {
        String lower = null;
        for (String p : prefixes) {
            if (line.length() < p.length()) continue;
            int starts = lowerCaseStarts(line, p);
            if (starts == -1) {
                if (lower == null) lower = line.substring(0, Math.min(line.length(), 64)).toLowerCase(Locale.ROOT);
                if (lower.startsWith(p)) return true;
            } else if (starts == 1) return true;
        }
        return false;
    }

    /**
     * 1 when the lower case of the line's first 64 chars starts with {@code lower}, 0 when not, -1 when it takes
     * String lower-casing to tell: 'İ' lower-cases to two chars, 'Σ' by context and a surrogate pair as a code point;
     * all other chars as {@link Character#toLowerCase(char)} says, each to one char in place.
     */
    private static int lowerCaseStarts(String line, String lower) {
        if (lower.length() > 64) return -1;
        for (int k = 0; k < lower.length(); k++) {
            char c = line.charAt(k);
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) return -1;
            if (Character.toLowerCase(c) != lower.charAt(k)) return 0;
        }
        return 1;
    }

    /** Whether the normal form of a line may be a line rule: it starts with the first char of one. */
    private boolean mayBeLineRule(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i < line.length() && lineFirsts.mayBe(Character.toLowerCase(line.charAt(i)));
    }

    /**
     * False when no prefix can match: the line's first char lower-cases to no prefix's first char. ('İ' lower-cases
     * to "i̇", which starts with i, as {@link Character#toLowerCase} says too; a surrogate pair is not judged.)
     */
    private boolean mayStartWithPrefix(String line) {
        return prefixFirsts.mayBe(Character.toLowerCase(line.charAt(0)));
    }

    /**
     * The regex with the chars a whole line it matches may start with. Found by matching each char alone: when the
     * match fails without the engine reaching the end of that one-char input ({@link Matcher#hitEnd}), no longer input
     * starting with the char can match either. Chars from {@link FirstChars#JUDGED} on are always tried.
     */
    private static Regex regex(String trigger, Pattern pattern) {
        FirstChars firsts = new FirstChars();
        Matcher m = pattern.matcher("");
        for (char c = 0; c < FirstChars.JUDGED; c++) {
            m.reset(String.valueOf(c));
            if (m.matches() || m.hitEnd()) firsts.add(c);
        }
        return new Regex(trigger, pattern, firsts);
    }

    /** A set of chars, for a quick no: chars from {@link #JUDGED} on (other scripts, surrogates) are always in it. */
    private static final class FirstChars {
        static final char JUDGED = 0x800;
        private final long[] bits = new long[JUDGED / 64];

        void add(char c) { if (c < JUDGED) bits[c >>> 6] |= 1L << c; }

        boolean mayBe(char c) { return c >= JUDGED || (bits[c >>> 6] & 1L << c) != 0; }
    }

    private static void expect(DataFile.Line rule, String[] f, int n) {
        if (f.length != n) throw rule.error("expected " + n + " tab-separated fields, got " + f.length);
    }

    private static Pattern compile(DataFile.Line rule, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw rule.error("bad regex: " + e.getDescription());
        }
    }

    /** {@code normal(s).hashCode()} without making it. */
    private static int normalHash(String s) {
        int h = 0;
        boolean space = false, any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { space = any; continue; }
            if (space) { h = 31 * h + ' '; space = false; }
            h = 31 * h + Character.toLowerCase(c);
            any = true;
        }
        return h;
    }

    private static String normal(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { space = b.length() > 0; continue; }
            if (space) { b.append(' '); space = false; }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    private static final class Holder {
        static final ChromeRules STANDARD = new ChromeRules(DataFile.read(RESOURCE));
    }
}
