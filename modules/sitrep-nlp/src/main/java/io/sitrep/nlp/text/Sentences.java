package io.sitrep.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentence spans. A newline always ends a sentence (captured pages put headlines,
 * captions and paragraphs on their own lines); '.', '!', '?', '…' and the Arabic question mark end one
 * when followed by whitespace and something that can start a sentence, unless the word before is a known
 * abbreviation ("Mr.", "Gen.", "U.S.", "Jan."), a single initial ("A. Hussein") or the dot sits inside a
 * number ("3.5"). Closing quotes and brackets after the mark stay with the sentence they close.
 * Spans are trimmed, never empty, and index into the text given.
 */
public final class Sentences {
    /** A sentence as [start, end) offsets into the text. */
    public record Span(int start, int end) {
        public String of(String text) { return text.substring(start, end); }
    }

    /** Lower-case abbreviations without their final dot; multi-dot ones ("u.s") keep the inner dots. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig",
            "gov", "sen", "rep", "pres", "st", "mt", "ft", "vol", "fig", "approx", "est", "dept", "govt",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "vs", "inc", "ltd", "corp", "jr", "sr");

    /** The longest abbreviation: a longer word before a dot is no abbreviation. */
    private static final int MAX_ABBREVIATION = 8;

    /** The abbreviations packed 7 bits a character (see {@link #key}), sorted: looked up without a String. */
    private static final long[] ABBREVIATION_KEYS;

    /** The ASCII characters that may end a sentence: line breaks and terminal marks. */
    private static final boolean[] ASCII_MARK = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_MARK[c] = c == '\n' || c == '\r' || isTerminal(c);
        ABBREVIATION_KEYS = ABBREVIATIONS.stream().mapToLong(a -> {
            if (a.length() > MAX_ABBREVIATION) throw new IllegalStateException("abbreviation too long: " + a);
            return key(a.toCharArray(), 0, a.length());
        }).sorted().toArray();
    }

    private Sentences() {}

    public static List<Span> split(String text) {
        if (text == null || text.isEmpty()) return new ArrayList<>();
        return split(text.toCharArray());
    }

    /**
     * The same over the characters of a text (a caller that already holds them saves a copy; reading a char[] is
     * also cheaper than {@code charAt} on a String that holds non-Latin-1 characters).
     */
    public static List<Span> split(char[] text) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.length == 0) return out;
        Splitter s = new Splitter();
        s.reset(text, text.length);
        for (int i = 0; i < text.length; i++) if (isMark(text[i])) s.mark(i);
        s.finish();
        for (int k = 0; k < s.count(); k++) out.add(new Span(s.start(k), s.end(k)));
        return out;
    }

    /** Whether the character may end a sentence: the characters a {@link Splitter} must be shown. */
    public static boolean isMark(char c) {
        return c < 128 ? ASCII_MARK[c] : c == '\u2028' || c == '\u2029' || isTerminal(c);
    }

    /**
     * Splits while a caller scans the text for its own purpose (a tokenizer reads every character anyway): the
     * caller shows it every mark ({@link #isMark}) in increasing order, then calls {@link #finish}. The sentences
     * are then read as offsets, without a record each. Reusable: {@link #reset} starts a new text. Not thread-safe.
     */
    public static final class Splitter {
        private char[] text;
        private int n;
        /** Where the current sentence starts, and the offset before which marks were already read. */
        private int start;
        private int resume;
        private int count;
        private int[] bounds = new int[64];

        public void reset(char[] text, int n) {
            this.text = text;
            this.n = n;
            start = 0;
            resume = 0;
            count = 0;
        }

        /** The mark at offset i. */
        public void mark(int i) {
            if (i < resume) return; // part of a run of marks and closers read at its first mark
            char c = text[i];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                add(start, i);
                start = resume = i + 1;
                return;
            }
            int end = i + 1;
            while (end < n && isTerminal(text[end])) end++;
            while (end < n && isCloser(text[end])) end++;
            resume = end;
            if (end < n && !isSpace(text[end])) return;
            if (c == '.' && !endsSentenceAfterDot(text, n, start, i, end)) return;
            add(start, end);
            start = end;
        }

        public void finish() { add(start, n); start = resume = n; }

        public int count() { return count; }

        public int start(int k) { return bounds[2 * k]; }

        public int end(int k) { return bounds[2 * k + 1]; }

        private void add(int s, int e) {
            while (s < e && isSpace(text[s])) s++;
            while (e > s && isSpace(text[e - 1])) e--;
            if (e <= s) return;
            if (2 * count == bounds.length) bounds = Arrays.copyOf(bounds, bounds.length * 2);
            bounds[2 * count] = s;
            bounds[2 * count + 1] = e;
            count++;
        }
    }

    private static boolean endsSentenceAfterDot(char[] text, int n, int sentenceStart, int dot, int after) {
        int w = dot;
        while (w > sentenceStart && !isSpace(text[w - 1]) && !isOpener(text[w - 1])) w--;
        if (w == dot) return true;
        boolean ascii = true;
        for (int k = w; k < dot; k++) ascii &= text[k] < 128;
        if (!ascii) return endsSentenceAfterWord(text, n, w, dot, after); // case mappings outside ASCII may change lengths
        if (dot - w == 1 && isAsciiLetter(text[w]) && text[w] <= 'Z') return false;
        if (dot - w <= MAX_ABBREVIATION && isAbbreviation(text, w, dot)) {
            // "U.S." can end a sentence: only when the next word clearly starts one is it taken as an end.
            return hasInnerDot(text, w, dot) && nextStartsSentence(text, n, after) && startsWithCommonOpener(text, n, after);
        }
        return nextStartsSentence(text, n, after);
    }

    /** The general case of the word before a dot, over its lower-cased String. */
    private static boolean endsSentenceAfterWord(char[] text, int n, int w, int dot, int after) {
        String word = new String(text, w, dot - w).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) return true;
        if (word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(text[w])) return false;
        if (ABBREVIATIONS.contains(word)) {
            return word.indexOf('.') > 0 && nextStartsSentence(text, n, after) && startsWithCommonOpener(text, n, after);
        }
        return nextStartsSentence(text, n, after);
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** Whether the ASCII word [from, to) lower-cased is an abbreviation. */
    private static boolean isAbbreviation(char[] text, int from, int to) {
        return Arrays.binarySearch(ABBREVIATION_KEYS, key(text, from, to)) >= 0;
    }

    /** An ASCII word of at most 8 characters, lower-cased, as a number: a leading 1 bit, then 7 bits a character. */
    private static long key(char[] text, int from, int to) {
        long k = 1;
        for (int i = from; i < to; i++) {
            char c = text[i];
            k = k << 7 | (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return k;
    }

    private static boolean hasInnerDot(char[] text, int from, int to) {
        for (int k = from + 1; k < to; k++) if (text[k] == '.') return true;
        return false;
    }

    private static boolean nextStartsSentence(char[] text, int n, int from) {
        int j = from;
        while (j < n && isSpace(text[j])) j++;
        if (j >= n) return true;
        char d = text[j];
        return Character.isUpperCase(d) || Character.isDigit(d) || isOpener(d) || !Character.isLowerCase(d) && Character.isLetter(d);
    }

    /** After an abbreviation such as "U.S." only a typical sentence opener marks a boundary. */
    private static boolean startsWithCommonOpener(char[] text, int n, int from) {
        int j = from;
        while (j < n && isSpace(text[j])) j++;
        int k = j;
        while (k < n && Character.isLetter(text[k])) k++;
        String w = new String(text, j, k - j);
        return switch (w) {
            case "The", "A", "An", "In", "On", "It", "He", "She", "They", "We", "This", "That", "But", "Meanwhile",
                 "However", "Iraq", "Iraqi", "Syria", "Syrian" -> true;
            default -> false;
        };
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u061F' || c == '\u06D4';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u2018' || c == '(' || c == '[' || c == '\u00AB';
    }

    private static boolean isSpace(char c) {
        if (c == ' ') return true;
        if (c < 128) return c < ' ' && Character.isWhitespace(c); // no other ASCII character is whitespace
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
