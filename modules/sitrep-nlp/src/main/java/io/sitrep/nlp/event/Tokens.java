package io.sitrep.nlp.event;

import io.sitrep.nlp.text.Sentences;
import java.util.Arrays;

/**
 * The tokens of a text as parallel arrays of offsets: words (letters, digits, inner apostrophes, a possessive
 * "'s" cut off), numbers (digit groups "1,200", decimals) and clause breaks (, ; : brackets and dashes).
 * Hyphens split words ("cross-border" = cross, border) so rule phrases are written with spaces.
 * One pass over the characters also finds each word's {@link Lexicon} class (from its folded characters
 * packed into a number while reading it) and the sentence boundaries. Arrays instead of objects, reused from call
 * to call by one thread ({@link #read} starts over): a 3 KB article has ~500 tokens and this runs for every article.
 */
final class Tokens {
    static final byte WORD = 0;
    static final byte NUMBER = 1;
    static final byte BREAK = 2;

    String text;
    /** The text's characters in [0, length): charAt on a String costs a coder check and a bounds check per call. */
    char[] chars = new char[0];
    int length;
    int size;
    int[] start;
    int[] end;
    byte[] kind;
    /** A number token's value; not written for the other tokens (read it only where kind is NUMBER). */
    long[] value;
    /** The lexicon class of each token ({@link Lexicon#classOf}), -1 for none. */
    int[] lexClass;
    /**
     * Per token its facts ({@link Entries#CLAUSE_BREAK}…): a break's, a number's, and those of its lexicon class
     * (the classFlags given to {@link #read}; a month only when capitalised). The caller may add more.
     */
    byte[] flags;
    /** The tokens whose facts hold {@link Entries#MAY_START_TRIGGER}, in order: [0, triggerStarts). */
    int[] mayStartTrigger = new int[64];
    int triggerStarts;
    private byte[] classFlags;
    final Sentences.Splitter sentences = new Sentences.Splitter();
    private Lexicon lexicon;

    Tokens(int capacity) {
        start = new int[capacity];
        end = new int[capacity];
        kind = new byte[capacity];
        value = new long[capacity];
        lexClass = new int[capacity];
        flags = new byte[capacity];
    }

    /**
     * What each of the 65,536 chars is to {@link #read}, in one table so that its loop reads one byte per char and
     * has no branch on whether the char is ASCII: an ASCII letter or digit is its folded self (a letter at 'a' or
     * above, a digit below: positive); anything else is negative, OTHER with the bits of what it may do.
     */
    private static final byte[] CHAR_KIND = new byte[1 << 16];
    private static final int OTHER = 0x80;        // nothing more: a space, a symbol
    private static final int BREAK_CHAR = 0x01;   // a clause break (as isBreak)
    private static final int MARK_CHAR = 0x02;    // a sentence mark (Sentences.isMark)
    private static final int DASH_CHAR = 0x04;    // a clause break between spaces (as isBreak)
    private static final int GOES_ON = 0x08;      // may go on a word (wordRest): an apostrophe, a non-ASCII letter…
    private static final int STARTS_NUMBER = 0x10; // a non-ASCII digit
    private static final int STARTS_WORD = 0x20;  // a non-ASCII letter

    static {
        for (int i = 0; i < CHAR_KIND.length; i++) {
            char c = (char) i;
            int k;
            if (c < 128 && (Character.isLetter(c) || Character.isDigit(c))) {
                k = c | 0x20; // folding an ASCII letter or digit is setting bit 5
            } else {
                k = OTHER;
                if (c >= 128 && Character.isDigit(c)) k |= STARTS_NUMBER;
                else if (c >= 128 && Character.isLetter(c)) k |= STARTS_WORD;
                else {
                    if (c == '-' || c == '\u2013') k |= DASH_CHAR;
                    else if (",;:()[]|.!?\u2014\u2026\u060C\u061B".indexOf(c) >= 0) k |= BREAK_CHAR; // as isBreak
                    if (Sentences.isMark(c)) k |= MARK_CHAR;
                }
                if (c == '\'' || c >= 128 && (Character.isLetterOrDigit(c) || c == '\u2019'
                        || Character.getType(c) == Character.NON_SPACING_MARK)) k |= GOES_ON;
            }
            CHAR_KIND[i] = (byte) k;
        }
    }

    /** Reads a new text: its tokens, each with its class in the lexicon, and its sentences. */
    void read(String text, Lexicon lexicon) { read(text, lexicon, new byte[lexicon.classCount() + 1]); }

    /**
     * The same, each token with its facts: those of its class in classFlags, indexed by lexicon class + 1 (so that a
     * token without a class, -1, reads its none at 0 with no test).
     */
    void read(String text, Lexicon lexicon, byte[] classFlags) {
        int n = text.length();
        this.text = text;
        this.lexicon = lexicon;
        this.classFlags = classFlags;
        if (chars.length < n) chars = new char[Math.max(n, chars.length * 2)];
        text.getChars(0, n, chars, 0);
        length = n;
        size = 0;
        triggerStarts = 0;
        char[] cs = chars;
        byte[] kinds = CHAR_KIND;
        sentences.reset(cs, n);
        int i = 0;
        while (i < n) {
            int k = kinds[cs[i]];
            if (k >= 'a') { // an ASCII letter, the commonest token: its loop here, the rest of the cases out of the way
                int from = i;
                long key = 1; // the folded word packed for the lexicon while it fits (Lexicon.packed)
                do {
                    key = key << 7 | k;
                    if (++i == n) break;
                    k = kinds[cs[i]];
                } while (k >= 0); // ASCII letters and digits
                if (i < n && (k & GOES_ON) != 0) { // an apostrophe, a non-ASCII letter…
                    i = wordRest(from, i, key);
                } else {
                    int length = i - from;
                    add(from, i, WORD, length <= Lexicon.PACKED_MAX ? lexicon.classOfPacked(key, length)
                            : lexicon.classOf(cs, from, i), (byte) 0);
                }
            } else if (k == (byte) OTHER) {
                i++;
            } else {
                i = notAsciiLetter(i, k);
            }
        }
        // a dot read inside a number ("3.5") is followed by a digit: it would have ended no sentence
        sentences.finish();
    }

    /** Reads the token (if any) at i, whose kind k (CHAR_KIND) is no ASCII letter nor OTHER; returns where it ends. */
    private int notAsciiLetter(int i, int k) {
        if (k >= 0 || (k & STARTS_NUMBER) != 0) return number(i); // an ASCII digit is positive
        if ((k & STARTS_WORD) != 0) return word(i);
        if ((k & BREAK_CHAR) != 0 || (k & DASH_CHAR) != 0 && isBreak(i)) addBreak(i);
        if ((k & MARK_CHAR) != 0) sentences.mark(i);
        return i + 1;
    }

    private int number(int from) {
        int n = length;
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
        if (i < n && Character.isLetter(chars[i])) { // "10th", "5G", "1980s": a word
            int end = word(from);
            flags[size - 1] |= Entries.NUMERIC;
            return end;
        }
        int cls = lexicon.hasDigitWords() ? lexicon.classOf(chars, from, i) : -1;
        add(from, i, NUMBER, cls, Entries.NUMERIC);
        value[size - 1] = overflow ? Long.MAX_VALUE : v;
        return i;
    }

    private boolean groupOfThree(int at) {
        int n = length;
        if (at + 3 > n) return false;
        for (int k = at; k < at + 3; k++) if (!Character.isDigit(chars[k])) return false;
        return at + 3 == n || !Character.isDigit(chars[at + 3]);
    }

    /** Reads a word from its first character (a letter, or a digit as in "10th"). */
    private int word(int from) { return wordRest(from, from, 1); }

    /** Reads the rest of a word from i on, its first characters [from, i) packed into key: any letters, digits, inner apostrophes. */
    private int wordRest(int from, int i, long key) {
        int n = length;
        char[] cs = chars;
        boolean ascii = true;
        while (i < n) {
            char c = cs[i];
            if (c < 128) {
                // folding an ASCII letter, digit or apostrophe is setting bit 5
                if (c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    key = key << 7 | (c | 0x20);
                    i++;
                } else if (c == '\'' && i + 1 < n && Character.isLetter(cs[i + 1])) {
                    key = key << 7 | '\'';
                    i++;
                } else {
                    break;
                }
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || c == '\u2019' && i + 1 < n && Character.isLetter(cs[i + 1])) {
                char f = fold(c);
                key = key << 7 | f;
                ascii &= f < 128;
                i++;
            } else {
                break;
            }
        }
        int e = i;
        int cls;
        if (e - from > 2 && (cs[e - 1] == 's' || cs[e - 1] == 'S') && (cs[e - 2] == '\'' || cs[e - 2] == '\u2019')) {
            e -= 2;
            cls = lexicon.classOf(cs, from, e);
        } else {
            cls = ascii && e - from <= Lexicon.PACKED_MAX ? lexicon.classOfPacked(key, e - from) : lexicon.classOf(cs, from, e);
        }
        add(from, e, WORD, cls, (byte) 0);
        return i;
    }

    /** String.hashCode of the folded characters [from, to). */
    static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + fold(text[i]);
        return h;
    }

    private boolean isBreak(int i) {
        char c = chars[i];
        switch (c) {
            case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '\u2014': case '|':
            case '.': case '!': case '?': case '\u2026': case '\u060C': case '\u061B':
                return true;
            case '\u2013': case '-':
                // a dash between spaces is a clause break; between digits or letters it joins ("8–10", "cross-border")
                return i > 0 && i + 1 < length && Character.isWhitespace(chars[i - 1])
                        && Character.isWhitespace(chars[i + 1]);
            default:
                return false;
        }
    }

    private void addBreak(int i) { add(i, i + 1, BREAK, -1, Entries.CLAUSE_BREAK); }

    /** Adds a token; its facts are f and those of its class. */
    private void add(int s, int e, byte k, int cls, byte f) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            kind = Arrays.copyOf(kind, cap);
            value = Arrays.copyOf(value, cap);
            lexClass = Arrays.copyOf(lexClass, cap);
            flags = Arrays.copyOf(flags, cap);
        }
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        lexClass[size] = cls;
        byte c = classFlags[cls + 1];
        if ((c & (Entries.MONTH | Entries.MAY_START_TRIGGER)) != 0) { // rare: out of the common path
            if ((c & Entries.MONTH) != 0 && !Character.isUpperCase(chars[s])) c &= ~Entries.MONTH;
            if (c < 0) { // MAY_START_TRIGGER
                if (triggerStarts == mayStartTrigger.length) mayStartTrigger = Arrays.copyOf(mayStartTrigger, triggerStarts * 2);
                mayStartTrigger[triggerStarts++] = size;
            }
        }
        flags[size] = (byte) (f | c);
        size++;
    }

    /** Lower-case, apostrophes unified, common Latin diacritics removed: how lexicon words are compared. */
    static char fold(char c) {
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        return foldNonAscii(c); // apart: fold stays small enough to be inlined in the loops that call it
    }

    private static char foldNonAscii(char c) {
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
