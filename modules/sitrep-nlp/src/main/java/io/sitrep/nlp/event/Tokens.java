package io.sitrep.nlp.event;

/**
 * The tokens of a text as parallel arrays of offsets: words (letters, digits, inner apostrophes, a possessive
 * "'s" cut off), numbers (digit groups "1,200", decimals) and clause breaks (, ; : brackets and dashes).
 * Hyphens split words ("cross-border" = cross, border) so rule phrases are written with spaces.
 * Arrays instead of objects: a 3 KB article has ~500 tokens and this runs for every article.
 */
final class Tokens {
    static final byte WORD = 0;
    static final byte NUMBER = 1;
    static final byte BREAK = 2;

    final String text;
    /** The text's characters, read once: charAt on a String costs a coder check and a bounds check per call. */
    final char[] chars;
    int size;
    int[] start;
    int[] end;
    byte[] kind;
    long[] value;

    private Tokens(String text, int capacity) {
        this.text = text;
        this.chars = text.toCharArray();
        start = new int[capacity];
        end = new int[capacity];
        kind = new byte[capacity];
        value = new long[capacity];
    }

    static Tokens of(String text) {
        int n = text.length();
        Tokens t = new Tokens(text, Math.max(16, n / 5));
        char[] cs = t.chars;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (c < 128) { // ASCII fast path: same classes as below
                if (c >= '0' && c <= '9') {
                    i = t.number(i);
                } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    i = t.word(i);
                } else {
                    if (c != ' ' && isBreak(cs, i)) t.add(i, i + 1, BREAK, 0);
                    i++;
                }
            } else if (Character.isDigit(c)) {
                i = t.number(i);
            } else if (Character.isLetter(c)) {
                i = t.word(i);
            } else {
                if (isBreak(cs, i)) t.add(i, i + 1, BREAK, 0);
                i++;
            }
        }
        return t;
    }

    private int number(int from) {
        int n = chars.length;
        int i = from;
        long v = 0;
        boolean overflow = false;
        while (i < n) {
            char c = chars[i];
            if (Character.isDigit(c)) {
                int d = Character.digit(c, 10);
                if (v > (Long.MAX_VALUE - d) / 10) overflow = true; else v = v * 10 + d;
                i++;
            } else if (c == ',' && groupOfThree(i + 1)) {
                i++;
            } else if (c == '.' && i + 1 < n && Character.isDigit(chars[i + 1])) {
                i++; // decimals: keep the integer part
                while (i < n && Character.isDigit(chars[i])) i++;
                break;
            } else {
                break;
            }
        }
        if (i < n && Character.isLetter(chars[i])) return word(from); // "10th", "5G": a word
        add(from, i, NUMBER, overflow ? Long.MAX_VALUE : v);
        return i;
    }

    private boolean groupOfThree(int at) {
        int n = chars.length;
        if (at + 3 > n) return false;
        for (int k = at; k < at + 3; k++) if (!Character.isDigit(chars[k])) return false;
        return at + 3 == n || !Character.isDigit(chars[at + 3]);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private int word(int from) {
        int n = chars.length;
        int i = from;
        while (i < n) {
            char c = chars[i];
            if (c < 128 ? isAsciiLetterOrDigit(c)
                    : Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(chars[i + 1])) {
                i++;
            } else {
                break;
            }
        }
        int e = i;
        if (e - from > 2 && (chars[e - 1] == 's' || chars[e - 1] == 'S')
                && (chars[e - 2] == '\'' || chars[e - 2] == '\u2019')) e -= 2;
        add(from, e, WORD, 0);
        return i;
    }

    private static boolean isBreak(char[] text, int i) {
        char c = text[i];
        switch (c) {
            case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '\u2014': case '|':
            case '.': case '!': case '?': case '\u2026': case '\u060C': case '\u061B':
                return true;
            case '\u2013': case '-':
                // a dash between spaces is a clause break; between digits or letters it joins ("8–10", "cross-border")
                return i > 0 && i + 1 < text.length && Character.isWhitespace(text[i - 1])
                        && Character.isWhitespace(text[i + 1]);
            default:
                return false;
        }
    }

    private void add(int s, int e, byte k, long v) {
        if (size == start.length) {
            int cap = size * 2;
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            kind = java.util.Arrays.copyOf(kind, cap);
            value = java.util.Arrays.copyOf(value, cap);
        }
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        value[size] = v;
        size++;
    }

    /** Lower-case, apostrophes unified, common Latin diacritics removed: how lexicon words are compared. */
    static char fold(char c) {
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        switch (c) {
            case '\u2019': case '\u2018': case '\u02BC': return '\'';
            case 'à': case 'á': case 'â': case 'ã': case 'ä': case 'å': case 'À': case 'Á': case 'Â': case 'Ä': return 'a';
            case 'ç': case 'Ç': return 'c';
            case 'è': case 'é': case 'ê': case 'ë': case 'É': case 'È': return 'e';
            case 'ì': case 'í': case 'î': case 'ï': case 'ı': case 'İ': return 'i';
            case 'ñ': return 'n';
            case 'ò': case 'ó': case 'ô': case 'õ': case 'ö': case 'Ö': return 'o';
            case 'ù': case 'ú': case 'û': case 'ü': case 'Ü': return 'u';
            case 'ş': case 'Ş': return 's';
            case 'ğ': return 'g';
            default: return Character.toLowerCase(c);
        }
    }
}
