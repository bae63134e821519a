package io.sitrep.nlp.text;

/**
 * The words of a text as a name matcher sees them: offsets, the {@link NameFolder} key of each word, whether a
 * word may be glued to the next one in a multi-word name, and its shape (capitalised, possessive). A possessive
 * "’s" is not part of the word ("Iraq’s" is the word "Iraq"). One pass, no regular expressions.
 */
public final class NameTokens {
    private static final int INITIAL_CAPACITY = 64;

    private int size;
    private int[] start = new int[INITIAL_CAPACITY];
    private int[] end = new int[INITIAL_CAPACITY];
    private String[] key = new String[INITIAL_CAPACITY];
    private boolean[] joinsNext = new boolean[INITIAL_CAPACITY];
    private boolean[] possessive = new boolean[INITIAL_CAPACITY];
    private final CharSequence text;

    private NameTokens(CharSequence text) { this.text = text; }

    public static NameTokens of(CharSequence text) {
        NameTokens t = new NameTokens(text == null ? "" : text);
        t.scan();
        return t;
    }

    public int size() { return size; }
    public int start(int i) { return start[i]; }
    public int end(int i) { return end[i]; }
    /** The folded key; empty for an article ("al-"), "al" for an article right after "Abd". */
    public String key(int i) { return key[i]; }
    /** Only spaces or a hyphen (or the dot of an initial) separate word i from word i+1: they may form one name. */
    public boolean joinsNext(int i) { return joinsNext[i]; }
    public boolean possessive(int i) { return possessive[i]; }
    public CharSequence text() { return text; }

    public boolean capitalised(int i) {
        char c = text.charAt(start[i]);
        return Character.isUpperCase(c) || (Character.isLetter(c) && !Character.isLowerCase(c) && c > 0x2FF);
    }

    /** Every letter of word i is upper case (acronyms: "SDF", "US"). */
    public boolean allCaps(int i) {
        boolean letter = false;
        for (int k = start[i]; k < end[i]; k++) {
            char c = text.charAt(k);
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
            char c = text.charAt(k);
            if (c == ',') comma = true;
            else if (c != ' ' && c != '’' && c != '\'' && c != 's') return false;
        }
        return comma;
    }

    public String surface(int from, int toInclusive) { return text.subSequence(start[from], end[toInclusive]).toString(); }

    private void scan() {
        int n = text.length();
        int i = 0;
        String previousKey = null;
        while (i < n) {
            while (i < n && NameFolder.isSeparator(text.charAt(i))) i++;
            if (i >= n) break;
            int s = i;
            while (i < n && !NameFolder.isSeparator(text.charAt(i))) i++;
            int e = i;
            boolean poss = false;
            // trailing possessive or quote: Iraq’s, forces’
            if (e - s > 2 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S') && isApostrophe(text.charAt(e - 2))) {
                e -= 2;
                poss = true;
            }
            while (e > s && isApostrophe(text.charAt(e - 1))) { e--; poss = true; }
            while (s < e && isApostrophe(text.charAt(s))) s++;
            if (s >= e) continue;
            boolean hyphenated = i < n && NameFolder.isHyphen(text.charAt(i));
            String k = NameFolder.foldToken(text, s, e, hyphenated);
            if (k.isEmpty() && "abd".equals(previousKey)) k = "al";
            add(s, e, k, poss);
            previousKey = k;
        }
        for (int t = 0; t + 1 < size; t++) joinsNext[t] = !possessive[t] && gapJoins(t);
    }

    private boolean gapJoins(int t) {
        int gap = start[t + 1] - end[t];
        if (gap <= 0 || gap > 3) return false;
        boolean space = false, hyphen = false;
        for (int k = end[t]; k < start[t + 1]; k++) {
            char c = text.charAt(k);
            if (c == ' ') { space = true; continue; }
            if (NameFolder.isHyphen(c)) {
                // "al-Asad" joins; "Shafaq News – Baghdad" is a dash between phrases
                if (space) return false;
                hyphen = true;
                continue;
            }
            if (hyphen && c == ' ') return false;
            if (c == '.' && end[t] - start[t] == 1 && Character.isUpperCase(text.charAt(start[t]))) continue; // U.S.
            return false;
        }
        return !(hyphen && space);
    }

    private void add(int s, int e, String k, boolean poss) {
        if (size == start.length) {
            int cap = size * 2;
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            key = java.util.Arrays.copyOf(key, cap);
            joinsNext = java.util.Arrays.copyOf(joinsNext, cap);
            possessive = java.util.Arrays.copyOf(possessive, cap);
        }
        start[size] = s;
        end[size] = e;
        key[size] = k;
        possessive[size] = poss;
        size++;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`';
    }
}
