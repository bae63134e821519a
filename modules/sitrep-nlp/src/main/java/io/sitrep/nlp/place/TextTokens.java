package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;

/**
 * The words of a text with their offsets and what separates them, and each word's {@link NameFolder} key, folded
 * on first use only (most words of an article are never looked up). Separators are NameFolder's, so a name in
 * the gazetteer and the same name in a text split into the same words. A possessive "'s" is not part of a word.
 */
final class TextTokens {
    /** Two words are joined (may belong to one name) when only spaces or a single hyphen lie between them. */
    private static final byte JOINED_TO_NEXT = 1;
    private static final byte HYPHEN_TO_NEXT = 2;
    private static final byte SENTENCE_START = 4;
    private static final byte CAPITALISED = 8;
    private static final byte ARABIC = 16;

    private final CharSequence text;
    private int size;
    private int[] starts;
    private int[] ends;
    private byte[] flags;
    private String[] keys;

    private TextTokens(CharSequence text) {
        this.text = text;
        int capacity = Math.max(8, text.length() / 5);
        starts = new int[capacity];
        ends = new int[capacity];
        flags = new byte[capacity];
    }

    static TextTokens of(CharSequence text) {
        TextTokens t = new TextTokens(text);
        t.split();
        return t;
    }

    private void split() {
        int n = text.length();
        int i = 0;
        int previousEnd = 0;
        while (i < n) {
            while (i < n && NameFolder.isSeparator(text.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !NameFolder.isSeparator(text.charAt(i))) i++;
            int end = withoutPossessive(start, i);
            if (size > 0) describeGap(size - 1, previousEnd, start);
            add(start, end, size == 0 || hasSentenceBreak(previousEnd, start));
            previousEnd = end;
        }
        keys = new String[size];
    }

    /** "Raqqa's" is the word "Raqqa"; a lone trailing apostrophe stays (the folder drops it). */
    private int withoutPossessive(int start, int end) {
        if (end - start > 2) {
            char s = text.charAt(end - 1);
            char apostrophe = text.charAt(end - 2);
            if ((s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019')) return end - 2;
        }
        return end;
    }

    private void describeGap(int token, int from, int to) {
        int hyphens = 0;
        boolean other = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (NameFolder.isHyphen(c)) hyphens++;
            else if (c != ' ' && c != '\u00A0') other = true;
        }
        if (other || hyphens > 1 || (hyphens == 1 && to - from > 1)) return;
        flags[token] |= JOINED_TO_NEXT;
        if (hyphens == 1) flags[token] |= HYPHEN_TO_NEXT;
    }

    private boolean hasSentenceBreak(int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == ';' || c == '\u061F') {
                return true;
            }
        }
        return false;
    }

    private void add(int start, int end, boolean sentenceStart) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = java.util.Arrays.copyOf(starts, capacity);
            ends = java.util.Arrays.copyOf(ends, capacity);
            flags = java.util.Arrays.copyOf(flags, capacity);
        }
        byte f = sentenceStart ? SENTENCE_START : 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                if (Character.isUpperCase(c)) f |= CAPITALISED;
                if (c >= '\u0600' && c <= '\u06FF') f |= ARABIC;
                break;
            }
        }
        starts[size] = start;
        ends[size] = end;
        flags[size] = f;
        size++;
    }

    int size() { return size; }

    int start(int token) { return starts[token]; }

    int end(int token) { return ends[token]; }

    /** An Arabic article written as a word of its own ("al", "Al-", "ash-"): letters that fold to nothing. */
    boolean isArticle(int token) {
        return Character.isLetter(text.charAt(starts[token])) && key(token).isEmpty();
    }

    String textOf(int token) { return text.subSequence(starts[token], ends[token]).toString(); }

    boolean joinedToNext(int token) { return (flags[token] & JOINED_TO_NEXT) != 0; }

    boolean hyphenToNext(int token) { return (flags[token] & HYPHEN_TO_NEXT) != 0; }

    boolean sentenceStart(int token) { return (flags[token] & SENTENCE_START) != 0; }

    boolean capitalised(int token) { return (flags[token] & CAPITALISED) != 0; }

    boolean arabic(int token) { return (flags[token] & ARABIC) != 0; }

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
        char first = text.charAt(s);
        char second = text.charAt(s + 1);
        char third = text.charAt(s + 2);
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
