package io.sitrep.nlp.text;

import java.util.Arrays;

/**
 * The words of a text as a name matcher sees them: offsets, the {@link NameFolder} key of each word, whether a
 * word may be glued to the next one in a multi-word name, and its shape (capitalised, possessive). A possessive
 * "’s" is not part of the word ("Iraq’s" is the word "Iraq"). One pass, no regular expressions.
 *
 * <p>The keys of all words are folded once into one char array, in word order, so the key of a run of words
 * [i, j] (the concatenation a multi-word name folds to) is the range {@code keyChars()[keyStart(i), keyEnd(j))}:
 * a matcher can look n-grams up without building a String per step.
 */
public final class NameTokens {
    private int size;
    private int[] start;
    private int[] end;
    private int[] keyEnd;
    private boolean[] joinsNext;
    private boolean[] possessive;
    private boolean[] capitalised;
    private String[] keyStrings; // made on first use
    private final NameFolder.Chars keys;
    private final CharSequence text;
    private final char[] chars; // the text, read without a call per char

    private NameTokens(CharSequence text) {
        this.text = text;
        this.chars = text.toString().toCharArray();
        this.keys = new NameFolder.Chars(text.length());
        // English runs about six characters a word: room for most texts without growing
        int capacity = text.length() / 5 + 16;
        start = new int[capacity];
        end = new int[capacity];
        keyEnd = new int[capacity];
        joinsNext = new boolean[capacity];
        possessive = new boolean[capacity];
        capitalised = new boolean[capacity];
    }

    public static NameTokens of(CharSequence text) {
        NameTokens t = new NameTokens(text == null ? "" : text);
        t.scan();
        return t;
    }

    public int size() { return size; }
    public int start(int i) { return start[i]; }
    public int end(int i) { return end[i]; }

    /** The folded key; empty for an article ("al-"), "al" for an article right after "Abd". */
    public String key(int i) {
        if (keyStrings == null) keyStrings = new String[size];
        String k = keyStrings[i];
        if (k == null) keyStrings[i] = k = new String(keys.a, keyStart(i), keyEnd[i] - keyStart(i));
        return k;
    }

    /** Whether word i folds to nothing (an article). */
    public boolean keyIsEmpty(int i) { return keyEnd[i] == keyStart(i); }

    /** The folded keys of all words, concatenated in word order. Read only. */
    public char[] keyChars() { return keys.a; }

    /** Where the key of word i starts in {@link #keyChars()}. */
    public int keyStart(int i) { return i == 0 ? 0 : keyEnd[i - 1]; }

    /** Where the key of word i ends in {@link #keyChars()}. */
    public int keyEnd(int i) { return keyEnd[i]; }

    /** Only spaces or a hyphen (or the dot of an initial) separate word i from word i+1: they may form one name. */
    public boolean joinsNext(int i) { return joinsNext[i]; }
    public boolean possessive(int i) { return possessive[i]; }
    public CharSequence text() { return text; }

    /** Word i starts with a capital, or with a letter of a script without case (Arabic names are names). */
    public boolean capitalised(int i) { return capitalised[i]; }

    private static boolean isCapital(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z';
        return Character.isUpperCase(c) || (Character.isLetter(c) && !Character.isLowerCase(c) && c > 0x2FF);
    }

    /** Every letter of word i is upper case (acronyms: "SDF", "US"). */
    public boolean allCaps(int i) {
        boolean letter = false;
        for (int k = start[i]; k < end[i]; k++) {
            char c = chars[k];
            if (Character.isLowerCase(c)) return false;
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /** Whether the separator after word i holds a comma (and nothing that ends a sentence). */
    public boolean commaAfter(int i) {
        if (i + 1 >= size) return false;
        boolean comma = false;
        for (int k = end[i]; k < start[i + 1]; k++) {
            char c = chars[k];
            if (c == ',') comma = true;
            else if (c != ' ' && c != '’' && c != '\'' && c != 's') return false;
        }
        return comma;
    }

    public String surface(int from, int toInclusive) { return text.subSequence(start[from], end[toInclusive]).toString(); }

    private void scan() {
        char[] text = chars;
        int n = text.length;
        int i = 0;
        boolean previousAbd = false;
        while (i < n) {
            while (i < n && NameFolder.isSeparator(text[i])) i++;
            if (i >= n) break;
            int s = i;
            while (i < n && !NameFolder.isSeparator(text[i])) i++;
            int e = i;
            boolean poss = false;
            // trailing possessive or quote: Iraq’s, forces’
            if (e - s > 2 && (text[e - 1] == 's' || text[e - 1] == 'S') && isApostrophe(text[e - 2])) {
                e -= 2;
                poss = true;
            }
            while (e > s && isApostrophe(text[e - 1])) { e--; poss = true; }
            while (s < e && isApostrophe(text[s])) s++;
            if (s >= e) continue;
            boolean hyphenated = i < n && NameFolder.isHyphen(text[i]);
            int from = keys.length;
            NameFolder.foldTokenInto(text, s, e, hyphenated, keys);
            if (keys.length == from && previousAbd) keys.append('a', 'l');
            add(s, e, poss);
            previousAbd = keys.is(from, 'a', 'b', 'd');
        }
        for (int t = 0; t + 1 < size; t++) joinsNext[t] = !possessive[t] && gapJoins(t);
    }

    private boolean gapJoins(int t) {
        int gap = start[t + 1] - end[t];
        if (gap <= 0 || gap > 3) return false;
        char[] text = chars;
        boolean space = false, hyphen = false;
        for (int k = end[t]; k < start[t + 1]; k++) {
            char c = text[k];
            if (c == ' ') { space = true; continue; }
            if (NameFolder.isHyphen(c)) {
                // "al-Asad" joins; "Shafaq News – Baghdad" is a dash between phrases
                if (space) return false;
                hyphen = true;
                continue;
            }
            if (hyphen && c == ' ') return false;
            if (c == '.' && end[t] - start[t] == 1 && Character.isUpperCase(text[start[t]])) continue; // U.S.
            return false;
        }
        return !(hyphen && space);
    }

    private void add(int s, int e, boolean poss) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            keyEnd = Arrays.copyOf(keyEnd, cap);
            joinsNext = Arrays.copyOf(joinsNext, cap);
            possessive = Arrays.copyOf(possessive, cap);
            capitalised = Arrays.copyOf(capitalised, cap);
        }
        start[size] = s;
        end[size] = e;
        keyEnd[size] = keys.length;
        possessive[size] = poss;
        capitalised[size] = isCapital(chars[s]);
        size++;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`';
    }
}
