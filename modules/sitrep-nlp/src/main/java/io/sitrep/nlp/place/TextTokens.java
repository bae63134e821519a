package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;
import java.util.Arrays;

/**
 * The words of a text with their offsets and what separates them, and each word's {@link NameFolder} key, folded
 * on first use only (most words of an article are never looked up). Separators are NameFolder's, so a name in
 * the gazetteer and the same name in a text split into the same words. A possessive "'s" is not part of a word.
 */
final class TextTokens {
    /** NameFolder's separators among ASCII characters, looked up instead of asked for on the hot path. */
    private static final boolean[] ASCII_SEPARATOR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_SEPARATOR[c] = NameFolder.isSeparator(c);
    }

    private final CharSequence text;
    /** The text's characters, read once: every test below reads them without an interface call or bounds check. */
    private final char[] chars;
    private int size;
    private int[] starts;
    private int[] ends;
    private String[] keys;
    /** Each word's first letter (0 when it has none), read on every word by the resolver's first test. */
    private char[] firstLetters;

    private TextTokens(CharSequence text) {
        this.text = text;
        this.chars = text.toString().toCharArray();
        int capacity = Math.max(8, text.length() / 4);
        starts = new int[capacity];
        ends = new int[capacity];
    }

    static TextTokens of(CharSequence text) {
        TextTokens t = new TextTokens(text);
        t.split();
        return t;
    }

    /** Only word boundaries are found here; everything else about a word is read from the text when asked. */
    private void split() {
        char[] chars = this.chars;
        int n = chars.length;
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(chars[i])) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !isSeparator(chars[i])) i++;
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = withoutPossessive(start, i);
            size++;
        }
        keys = new String[size];
        firstLetters = new char[size];
        for (int k = 0; k < size; k++) firstLetters[k] = scanFirstLetter(k);
    }

    private static boolean isSeparator(char c) {
        return c < 128 ? ASCII_SEPARATOR[c] : NameFolder.isSeparator(c);
    }

    /** "Raqqa's" is the word "Raqqa"; a lone trailing apostrophe stays (the folder drops it). */
    private int withoutPossessive(int start, int end) {
        if (end - start > 2) {
            char s = chars[end - 1];
            char apostrophe = chars[end - 2];
            if ((s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019')) return end - 2;
        }
        return end;
    }

    int size() { return size; }

    int start(int token) { return starts[token]; }

    int end(int token) { return ends[token]; }

    /** Whether the word is spelt exactly {@code word}, without allocating. */
    boolean is(int token, String word) {
        int start = starts[token];
        if (ends[token] - start != word.length()) return false;
        for (int k = 0; k < word.length(); k++) if (chars[start + k] != word.charAt(k)) return false;
        return true;
    }

    /** The word's first character (a word is never empty). */
    char firstChar(int token) { return chars[starts[token]]; }

    String textOf(int token) { return text.subSequence(starts[token], ends[token]).toString(); }

    /** Two words are joined (may belong to one name) when only spaces or a single hyphen lie between them. */
    boolean joinedToNext(int token) {
        if (token + 1 >= size) return false;
        int from = ends[token];
        int to = starts[token + 1];
        if (to - from == 1) {
            char c = chars[from];
            return c == ' ' || NameFolder.isHyphen(c);
        }
        for (int k = from; k < to; k++) {
            char c = chars[k];
            if (c != ' ' && c != '\u00A0') return false;
        }
        return true;
    }

    /** Joined to the next word by a single hyphen, which makes "as-" in "as-Sabah" an article. */
    boolean hyphenToNext(int token) {
        return token + 1 < size && starts[token + 1] - ends[token] == 1 && NameFolder.isHyphen(chars[ends[token]]);
    }

    /** The first word of the text or of a sentence (after . ! ? : ; or a line break). */
    boolean sentenceStart(int token) {
        if (token == 0) return true;
        for (int k = ends[token - 1]; k < starts[token]; k++) {
            char c = chars[k];
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == ';' || c == '\u061F') {
                return true;
            }
        }
        return false;
    }

    /** The first letter of the word is upper case (a leading apostrophe or quote is skipped). */
    boolean capitalised(int token) {
        char c = firstLetter(token);
        return c != 0 && Character.isUpperCase(c);
    }

    boolean arabic(int token) {
        char c = firstLetter(token);
        return c >= '\u0600' && c <= '\u06FF';
    }

    private char firstLetter(int token) {
        return firstLetters[token];
    }

    private char scanFirstLetter(int token) {
        for (int k = starts[token], e = ends[token]; k < e; k++) {
            char c = chars[k];
            if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) return c;
        }
        return 0;
    }

    /** An Arabic article written as a word of its own ("al", "Al-", "ash-"): letters that fold to nothing. */
    boolean isArticle(int token) {
        return Character.isLetter(chars[starts[token]]) && key(token).isEmpty();
    }

    /** The folded key of a word; empty for an article ("al", "el", hyphenated "ash-", …) and for digits-free marks. */
    String key(int token) {
        String k = keys[token];
        if (k == null) {
            k = NameFolder.foldToken(text, starts[token], ends[token], hyphenToNext(token));
            keys[token] = k;
        }
        return k;
    }

    /**
     * The key of an Arabic word without its one-letter proclitic before the article (وال، بال، فال، كال، لل),
     * so "بالموصل" (in Mosul) meets "الموصل"; null when the word has none.
     */
    String keyWithoutProclitic(int token) {
        int s = starts[token];
        if (!arabic(token) || ends[token] - s < 5) return null;
        char first = chars[s];
        char second = chars[s + 1];
        char third = chars[s + 2];
        if (first == '\u0644' && second == '\u0644') {
            return NameFolder.foldToken(text, s + 2, ends[token], false); // لل: li- + the article without its alef
        }
        boolean proclitic = first == '\u0648' || first == '\u0628' || first == '\u0641' || first == '\u0643';
        if (proclitic && second == '\u0627' && third == '\u0644') {
            return NameFolder.foldToken(text, s + 1, ends[token], false); // the folder drops the glued article
        }
        return null;
    }
}
