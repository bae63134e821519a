package io.sitrep.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentence spans. A newline always ends a sentence (captured pages put headlines,
 * captions and paragraphs on their own lines); '.', '!', '?', '…' and the Arabic question mark end one
 * when followed by whitespace and something that can start a sentence, unless the word before is a known
 * abbreviation ("Mr.", "Gen.", "U.S.", "Jan."), a single initial ("A. Hussein") or the dot sits inside a
 * number ("3.5"). Closing quotes and brackets after the mark stay with the sentence they close.
 * Spans are trimmed, never empty, and index into the text given. Allocation: one small record per sentence.
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

    /** The ASCII characters that may end a sentence: line breaks and terminal marks. */
    private static final boolean[] ASCII_MARK = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_MARK[c] = c == '\n' || c == '\r' || isTerminal(c);
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
        int n = text.length;
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (c < 128 && !ASCII_MARK[c]) continue; // most characters end nothing: one table read
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                add(out, text, start, i);
                start = i + 1;
            } else if (isTerminal(c)) {
                int end = i + 1;
                while (end < n && isTerminal(text[end])) end++;
                while (end < n && isCloser(text[end])) end++;
                if (end < n && !isSpace(text[end])) { i = end - 1; continue; }
                if (c == '.' && !endsSentenceAfterDot(text, start, i, end)) { i = end - 1; continue; }
                add(out, text, start, end);
                start = end;
                i = end - 1;
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static boolean endsSentenceAfterDot(char[] text, int sentenceStart, int dot, int after) {
        int w = dot;
        while (w > sentenceStart && !isSpace(text[w - 1]) && !isOpener(text[w - 1])) w--;
        String word = new String(text, w, dot - w).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) return true;
        if (word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(text[w])) return false;
        if (ABBREVIATIONS.contains(word)) {
            // "U.S." can end a sentence: only when the next word clearly starts one is it taken as an end.
            return word.indexOf('.') > 0 && nextStartsSentence(text, after) && startsWithCommonOpener(text, after);
        }
        return nextStartsSentence(text, after);
    }

    private static boolean nextStartsSentence(char[] text, int from) {
        int j = from;
        while (j < text.length && isSpace(text[j])) j++;
        if (j >= text.length) return true;
        char d = text[j];
        return Character.isUpperCase(d) || Character.isDigit(d) || isOpener(d) || !Character.isLowerCase(d) && Character.isLetter(d);
    }

    /** After an abbreviation such as "U.S." only a typical sentence opener marks a boundary. */
    private static boolean startsWithCommonOpener(char[] text, int from) {
        int j = from;
        while (j < text.length && isSpace(text[j])) j++;
        int k = j;
        while (k < text.length && Character.isLetter(text[k])) k++;
        String w = new String(text, j, k - j);
        return switch (w) {
            case "The", "A", "An", "In", "On", "It", "He", "She", "They", "We", "This", "That", "But", "Meanwhile",
                 "However", "Iraq", "Iraqi", "Syria", "Syrian" -> true;
            default -> false;
        };
    }

    private static void add(List<Span> out, char[] text, int start, int end) {
        while (start < end && isSpace(text[start])) start++;
        while (end > start && isSpace(text[end - 1])) end--;
        if (end > start) out.add(new Span(start, end));
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
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
