package io.sitrep.nlp.clean;

import io.sitrep.nlp.text.DataFile;
import java.util.ArrayList;
import java.util.Comparator;
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
    private record Regex(String trigger, Pattern pattern, FirstChars firsts, char triggerAnchor) {}

    /** A cut rule; an anchored one ({@code ^...}, no alternative, no inline flag) can only match at the line start. */
    private record Cut(String trigger, Pattern pattern, boolean anchored, int triggerAnchor) {
        Cut(String trigger, Pattern pattern) { this(trigger, pattern, anchored(pattern.pattern()), rarestChar(trigger)); }

        private static boolean anchored(String regex) {
            if (!regex.startsWith("^") || regex.indexOf('|') >= 0) return false;
            for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
                if (i + 2 >= regex.length() || "=!:<".indexOf(regex.charAt(i + 2)) < 0) return false;
            }
            return true;
        }
    }

    private final Set<String> lines = new HashSet<>();
    /** The hashes of {@link #lines}, sorted, and the lines in that order: a line is compared in place with those of its hash. */
    private final int[] lineHashes;
    private final String[] linesByHash;
    /** The longest of {@link #lines}: a line whose normal form is longer is none of them. */
    private final int longestLine;
    /** The first chars of the normal forms of {@link #lines}: most lines are told apart by their first char. */
    private final FirstChars lineFirsts = new FirstChars();
    private final List<String> prefixes = new ArrayList<>();
    /** The first chars of the prefixes, for a quick no. */
    private final FirstChars prefixFirsts = new FirstChars();
    private final List<Regex> regexes = new ArrayList<>();
    private final List<Cut> cuts = new ArrayList<>();
    /** The distinct cut literals, and for each the cuts it is the literal of (bit i for cut i). */
    private final String[] cutLiterals;
    private final long[] cutsOfLiteral;
    /** For each distinct cut literal, where its rarest char is: the one to search a page for. */
    private final int[] cutAnchors;
    /** Per thread: a matcher for each regex rule, reset for each line, and the view of the line they read. */
    private final ThreadLocal<LineMatchers> lineMatchers = ThreadLocal.withInitial(LineMatchers::new);

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
        linesByHash = lines.stream().sorted(Comparator.comparingInt(String::hashCode)).toArray(String[]::new);
        lineHashes = Arrays.stream(linesByHash).mapToInt(String::hashCode).toArray();
        longestLine = lines.stream().mapToInt(String::length).max().orElse(0);
        if (cuts.size() > Long.SIZE) throw new IllegalArgumentException(RESOURCE + ": at most 64 cut rules");
        List<String> literals = new ArrayList<>();
        long[] cutsOf = new long[cuts.size()];
        for (int i = 0; i < cuts.size(); i++) {
            String literal = cuts.get(i).trigger();
            if (literal.isEmpty()) throw new IllegalArgumentException(RESOURCE + ": empty cut literal");
            if (literal.indexOf('\n') >= 0) throw new IllegalArgumentException(RESOURCE + ": cut literal with a line end");
            int k = literals.indexOf(literal);
            if (k < 0) literals.add(literal);
            cutsOf[k < 0 ? literals.size() - 1 : k] |= 1L << i;
        }
        cutLiterals = literals.toArray(String[]::new);
        cutsOfLiteral = Arrays.copyOf(cutsOf, cutLiterals.length);
        cutAnchors = Arrays.stream(cutLiterals).mapToInt(ChromeRules::rarestChar).toArray();
    }

    static ChromeRules standard() { return Holder.STANDARD; }

    /** The line with its cut rules applied (the same instance when nothing matched). */
    String cut(String line) { return cut(line, -1L); }

    /**
     * The line with the cut rules applied whose literal is on the page ({@code onPage}, bit i for cut i) and in the
     * line as it is then (the same instance when nothing matched).
     */
    String cut(String line, long onPage) {
        String out = line;
        for (int i = 0; i < cuts.size(); i++) {
            Cut c = cuts.get(i);
            if ((onPage & 1L << i) == 0 || !contains(out, c.trigger(), c.triggerAnchor())) continue;
            Matcher m = c.pattern().matcher(out);
            if (c.anchored()) {
                // its only match is at the start: find() would try every other position in vain, twice
                if (m.lookingAt()) out = out.substring(m.end()).strip();
            } else if (m.find()) out = m.replaceAll("").strip();
        }
        return out;
    }

    /** The number of distinct cut literals. */
    int cutLiterals() { return cutLiterals.length; }

    /** The k-th distinct cut literal: a line without it is left as it is by the cuts of {@link #cutsOf}(k). */
    String cutLiteral(int k) { return cutLiterals[k]; }

    /** Where in the k-th distinct cut literal its rarest char is (as text goes: punctuation, capitals, then the rest). */
    int cutAnchor(int k) { return cutAnchors[k]; }

    /**
     * Whether {@code text} holds {@code literal}, found by its char at {@code anchor} ({@link String#indexOf(int)}
     * reads many chars at a time; {@link String#contains} with a Latin-1 literal in UTF-16 text reads one by one).
     */
    static boolean contains(String text, String literal, int anchor) {
        char a = literal.charAt(anchor);
        for (int at = text.indexOf(a, anchor); at >= 0; at = text.indexOf(a, at + 1)) {
            if (text.startsWith(literal, at - anchor)) return true;
        }
        return false;
    }

    static int rarestChar(String literal) {
        int best = 0;
        for (int i = 1; i < literal.length(); i++) if (rarity(literal.charAt(i)) > rarity(literal.charAt(best))) best = i;
        return best;
    }

    private static int rarity(char c) {
        if (c == ' ' || Character.isLowerCase(c) || c == '.' || c == ',') return 0;
        if (Character.isUpperCase(c) || Character.isDigit(c)) return 1;
        return 2;
    }

    /** The cuts (bit i for cut i) whose literal is the k-th distinct one. */
    long cutsOf(int k) { return cutsOfLiteral[k]; }

    /**
     * The chars a page scan should note in each line ({@link CharNotes}) for the quick nos of these rules: the rarest
     * char of each cut literal and regex trigger.
     */
    String notedChars() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < cutLiterals.length; k++) b.append(cutLiterals[k].charAt(cutAnchors[k]));
        for (Regex r : regexes) if (r.trigger() != null) b.append(r.triggerAnchor());
        return b.toString();
    }

    /** Whether a whole (already cut, stripped) line is chrome. */
    boolean isChrome(String line) {
        char[] chars = line.toCharArray();
        return isChrome(chars, 0, chars.length, CharNotes.NONE, CharNotes.ALL);
    }

    /**
     * Whether the whole (already cut, stripped) line {@code chars[s, e)} is chrome; {@code lineNotes} are the notes
     * ({@code notes}) of a line that holds every char it does.
     */
    boolean isChrome(char[] chars, int s, int e, CharNotes notes, long lineNotes) {
        int length = e - s;
        if (length == 0) return true;
        if (length <= 120 && mayBeLineRule(chars, s, e) && isLineRule(chars, s, e)) return true;
        char first = chars[s];
        if (prefixFirsts.mayBe(Character.toLowerCase(first)) && startsWithPrefix(chars, s, e)) return true;
        if (length > MAX_REGEX_LINE) return false;
        LineMatchers lm = null;
        try {
            for (int i = 0; i < regexes.size(); i++) {
                Regex r = regexes.get(i);
                if (!r.firsts().mayBe(first)) continue;
                if (r.trigger() != null && (!notes.mayHold(lineNotes, r.triggerAnchor()) || !contains(chars, s, e, r.trigger()))) continue;
                if (lm == null) {
                    lm = lineMatchers.get();
                    lm.line.set(chars, s, e);
                }
                Matcher m = lm.byRegex[i];
                if (m == null) lm.byRegex[i] = m = r.pattern().matcher(lm.line);
                else m.reset(lm.line);
                if (m.matches()) return true;
            }
            return false;
        } finally {
            if (lm != null) lm.line.set(null, 0, 0); // the thread keeps no page
        }
    }

    private final class LineMatchers {
        final Matcher[] byRegex = new Matcher[regexes.size()];
        final CharSlice line = new CharSlice();
    }

    /** A line read in place for the regexes: {@code chars[start, end)}. */
    private static final class CharSlice implements CharSequence {
        private char[] chars;
        private int start, end;

        void set(char[] chars, int start, int end) {
            this.chars = chars;
            this.start = start;
            this.end = end;
        }

        @Override public int length() { return end - start; }

        @Override public char charAt(int index) {
            if (index < 0 || index >= end - start) throw new IndexOutOfBoundsException(index);
            return chars[start + index];
        }

        @Override public CharSequence subSequence(int from, int to) { return toString().substring(from, to); }

        @Override public String toString() { return new String(chars, start, end - start); }
    }

    private static boolean startsWith(char[] chars, int at, int end, String literal) {
        if (at + literal.length() > end) return false;
        for (int k = 0; k < literal.length(); k++) if (chars[at + k] != literal.charAt(k)) return false;
        return true;
    }

    /** Whether {@code chars[s, e)} holds {@code literal}. */
    static boolean contains(char[] chars, int s, int e, String literal) {
        char first = literal.charAt(0);
        for (int i = s; i <= e - literal.length(); i++) if (chars[i] == first && startsWith(chars, i, e, literal)) return true;
        return false;
    }

    /** Whether a line starts with a prefix rule, compared in lower case (as its first 64 chars lower-cased). */
    private boolean startsWithPrefix(char[] chars, int s, int e) {
        String lower = null;
        for (String p : prefixes) {
            if (e - s < p.length()) continue;
            int starts = lowerCaseStarts(chars, s, p);
            if (starts == -1) {
                if (lower == null) lower = new String(chars, s, Math.min(e - s, 64)).toLowerCase(Locale.ROOT);
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
    private static int lowerCaseStarts(char[] chars, int s, String lower) {
        if (lower.length() > 64) return -1;
        for (int k = 0; k < lower.length(); k++) {
            char c = chars[s + k];
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) return -1;
            if (toLowerCase(c) != lower.charAt(k)) return 0;
        }
        return 1;
    }

    /** Whether the normal form of a line may be a line rule: it starts with the first char of one. */
    private boolean mayBeLineRule(char[] chars, int s, int e) {
        int i = s;
        while (i < e && isWhitespace(chars[i])) i++;
        return i < e && lineFirsts.mayBe(toLowerCase(chars[i]));
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
        return new Regex(trigger, pattern, firsts, trigger == null ? 0 : trigger.charAt(rarestChar(trigger)));
    }

    /** A set of chars, for a quick no: chars from {@link #JUDGED} on (other scripts, surrogates) are always in it. */
    private static final class FirstChars {
        /** Up to the general punctuation ('“', '’', '–', '•'), which starts many lines. */
        static final char JUDGED = 0x2080;
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

    /** Whether the normal form of the line {@code chars[s, e)} is one of {@link #lines}, found by its hash. */
    private boolean isLineRule(char[] chars, int s, int e) {
        long hash = normalHash(chars, s, e, longestLine);
        if (hash < 0) return false;
        int at = Arrays.binarySearch(lineHashes, (int) hash);
        if (at < 0) return false;
        while (at > 0 && lineHashes[at - 1] == (int) hash) at--;
        for (; at < lineHashes.length && lineHashes[at] == (int) hash; at++) if (normalEquals(chars, s, e, linesByHash[at])) return true;
        return false;
    }

    /**
     * {@code normal(new String(chars, s, e - s)).hashCode()} without making it, or -1 when the normal form is longer
     * than {@code limit} chars.
     */
    private static long normalHash(char[] chars, int s, int e, int limit) {
        int h = 0, length = 0;
        boolean space = false;
        for (int i = s; i < e; i++) {
            char c = chars[i];
            if (isWhitespace(c)) { space = length > 0; continue; }
            if (space) { h = 31 * h + ' '; space = false; length++; }
            h = 31 * h + toLowerCase(c);
            if (++length > limit) return -1;
        }
        return h & 0xFFFF_FFFFL;
    }

    /** Whether {@code normal(new String(chars, s, e - s))} equals {@code normal}, without making it. */
    private static boolean normalEquals(char[] chars, int s, int e, String normal) {
        int k = 0;
        boolean space = false;
        for (int i = s; i < e; i++) {
            char c = chars[i];
            if (isWhitespace(c)) { space = k > 0; continue; }
            if (space) {
                if (k == normal.length() || normal.charAt(k++) != ' ') return false;
                space = false;
            }
            if (k == normal.length() || normal.charAt(k++) != toLowerCase(c)) return false;
        }
        return k == normal.length();
    }

    /** {@link Character#isWhitespace(char)}, ASCII answered in place. */
    private static boolean isWhitespace(char c) {
        if (c < 0x80) return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        return Character.isWhitespace(c);
    }

    /** {@link Character#toLowerCase(char)}, ASCII answered in place. */
    private static char toLowerCase(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(c);
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
