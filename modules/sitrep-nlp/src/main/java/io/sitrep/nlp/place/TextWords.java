package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;
import java.util.Arrays;

/**
 * A text's words read on demand by char offset, instead of splitting the whole text: the resolver only looks at
 * the few words that may start a name and at their neighbours. A word is a maximal run of chars that are not
 * {@link NameFolder} separators, starting at {@code start} and ending (exclusive) at {@link #end}, without a
 * possessive "'s"; so the words are exactly {@link TextTokens}' words, found from either side.
 *
 * <p>Reusable: {@link #reset} reads another text into the same buffers, so a resolver keeps one per thread. Keys
 * are folded into one buffer, as char ranges rather than Strings. Not thread-safe.
 */
final class TextWords {
    /** What a char is, for every char: looked up instead of asked for (NameFolder and Character are pure). */
    static final byte[] CHAR_CLASS = new byte[Character.MAX_VALUE + 1];
    /** Part of a word: not one of NameFolder's separators. Exactly 1, so a word/separator change is a xor. */
    static final byte WORD = 1;
    static final byte LETTER = 2;
    static final byte UPPER_CASE = 4;
    /**
     * A char of a word that a word starting a name can begin with: any but a lower-case ASCII letter. Most words of
     * a text start with one ("the", "said", …) and start no name, save the few lower-case first words such as
     * "north" (of "north-east Syria"), which are only read before the capitalised word they must be joined to.
     */
    static final byte MAY_START = 8;
    static final byte ASCII_LETTER = 16;
    /** A hyphen (NameFolder.isHyphen) and a blank (a space or a no-break space): the chars that join two words. */
    static final byte HYPHEN = 32;
    static final byte BLANK = 64;

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (NameFolder.isHyphen(ch)) CHAR_CLASS[c] |= HYPHEN;
            if (ch == ' ' || ch == '\u00A0') CHAR_CLASS[c] |= BLANK;
            if (NameFolder.isSeparator(ch)) continue;
            int cls = WORD;
            if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(ch)) cls |= LETTER;
            if (Character.isUpperCase(ch)) cls |= UPPER_CASE;
            if (c < 'a' || c > 'z') cls |= MAY_START;
            if (c < 128 && KnownSpellings.isAsciiLetter(ch)) cls |= ASCII_LETTER;
            CHAR_CLASS[c] |= (byte) cls;
        }
    }

    /** Buffers larger than this (a text of some 64 K chars) are dropped after use rather than kept per thread. */
    private static final int KEPT_CAPACITY = 1 << 16;

    private String text;
    /** The text's characters: every test below reads them without an interface call. */
    private char[] chars = new char[0];
    private int length;
    private char[] keyChars = new char[64];
    /**
     * The last word folded and where its key lies: the word after a name's first word is folded to walk on, and is
     * often the next word to start one ("Saad Maan"), so its key is copied rather than folded again. A word's key
     * depends on its start only (its end and the separator after it follow from it), and no fold since has
     * overwritten it.
     */
    private int lastFolded = -1;
    private int lastKeyAt;
    private int lastKeyLength;
    /** The word {@link #end} last read, and its letters packed (KnownSpellings.pack) as it read them. */
    private int lastEndStart = -1;
    private long lastPacked;

    TextWords reset(String text) {
        this.text = text;
        length = text.length();
        if (chars.length < length) chars = new char[length];
        text.getChars(0, length, chars, 0);
        lastFolded = -1;
        lastEndStart = -1;
        return this;
    }

    /** Lets go of the text, and of buffers too large to keep for the next one. */
    void release() {
        text = null;
        if (chars.length > KEPT_CAPACITY) chars = new char[0];
        if (keyChars.length > KEPT_CAPACITY) keyChars = new char[64];
    }

    char[] chars() { return chars; }

    int length() { return length; }

    /** Part of a word: not one of NameFolder's separators. */
    static boolean isWordChar(char c) {
        return (CHAR_CLASS[c] & WORD) != 0;
    }

    static boolean isLetter(char c) {
        return (CHAR_CLASS[c] & LETTER) != 0;
    }

    static boolean isUpperCase(char letter) {
        return (CHAR_CLASS[letter] & UPPER_CASE) != 0;
    }

    /** A blank or a hyphen: a char that may join a word to the next. */
    static boolean joins(char c) {
        return (CHAR_CLASS[c] & (BLANK | HYPHEN)) != 0;
    }

    static boolean isArabic(char letter) {
        return letter >= '\u0600' && letter <= '\u06FF';
    }

    /**
     * The start of the first word from {@code from} on that may start a name ({@link #MAY_START}); {@link #length}
     * when there is none. Most chars are read here, once, and mostly not at a word's start: a table look-up and a
     * well predicted branch per char.
     */
    int nextMayStart(int from) {
        char[] chars = this.chars;
        for (int k = from; k < length; k++) {
            // a may-start char is mostly a word's first: the char before is read only then
            if ((CHAR_CLASS[chars[k]] & MAY_START) != 0 && (k == 0 || (CHAR_CLASS[chars[k - 1]] & WORD) == 0)) return k;
        }
        return length;
    }

    /** Where the word starting at {@code start} ends: the end of its run of word chars, before a possessive "'s". */
    int end(int start) {
        // packs the word's letters on the way (see packed), which costs no extra pass over the word
        char[] chars = this.chars;
        int classes = CHAR_CLASS[chars[start]];
        long packed = chars[start] & 0x1F;
        int e = start + 1;
        for (; e < length; e++) {
            char c = chars[e];
            int cls = CHAR_CLASS[c];
            if ((cls & WORD) == 0) break;
            classes &= cls;
            packed = packed << 5 | (c & 0x1F);
        }
        lastEndStart = start;
        lastPacked = (classes & ASCII_LETTER) != 0 && e - start <= KnownSpellings.MAX_LETTERS ? packed : KnownSpellings.NOT_PACKED;
        if (e - start > 2) {
            char s = chars[e - 1];
            char apostrophe = chars[e - 2];
            if ((s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019')) {
                lastPacked = KnownSpellings.pack(chars, start, e - 2);
                return e - 2;
            }
        }
        return e;
    }

    /** The letters of the word [start, end) packed as KnownSpellings.pack packs them, or NOT_PACKED. */
    long packed(int start, int end) {
        return start == lastEndStart ? lastPacked : KnownSpellings.pack(chars, start, end);
    }

    /** The start of the word after the one ending at {@code end}; {@link #length} when there is none. */
    int next(int end) {
        int k = end;
        while (k < length && isWordChar(chars[k])) k++; // a possessive "'s"
        while (k < length && !isWordChar(chars[k])) k++;
        return k;
    }

    /** The start of the word before the one starting at {@code start}; -1 when there is none. */
    int previous(int start) {
        int k = start - 1;
        while (k >= 0 && !isWordChar(chars[k])) k--;
        if (k < 0) return -1;
        while (k >= 0 && isWordChar(chars[k])) k--;
        return k + 1;
    }

    /**
     * Whether the word ending at {@code end} and the next one, starting at {@code next}, are joined (may belong to
     * one name): only spaces or a single hyphen lie between them.
     */
    boolean joined(int end, int next) {
        if (next >= length) return false;
        if (next - end == 1) {
            char c = chars[end];
            return c == ' ' || (CHAR_CLASS[c] & HYPHEN) != 0;
        }
        for (int k = end; k < next; k++) {
            if ((CHAR_CLASS[chars[k]] & BLANK) == 0) return false;
        }
        return true;
    }

    /** Joined to the next word by a single hyphen, which makes "as-" in "as-Sabah" an article. */
    boolean hyphenBetween(int end, int next) {
        return next < length && next - end == 1 && (CHAR_CLASS[chars[end]] & HYPHEN) != 0;
    }

    /** Whether the word starting at {@code start} is the first of the text or of a sentence (after . ! ? : ; or a line break). */
    boolean sentenceStart(int start) {
        int k = start - 1;
        for (; k >= 0 && !isWordChar(chars[k]); k--) {
            char c = chars[k];
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == ';' || c == '\u061F') {
                return true;
            }
        }
        return k < 0;
    }

    /** The word's first letter (a leading apostrophe, quote or digit is skipped), 0 when it has none. */
    char firstLetter(int start, int end) {
        for (int k = start; k < end; k++) {
            char c = chars[k];
            if (isLetter(c)) return c;
        }
        return 0;
    }

    boolean capitalised(int start, int end) {
        return isUpperCase(firstLetter(start, end));
    }

    boolean arabic(int start, int end) {
        return isArabic(firstLetter(start, end));
    }

    /** Whether the word is spelt exactly {@code word}, without allocating. */
    boolean is(int start, int end, String word) {
        if (end - start != word.length()) return false;
        for (int k = 0; k < word.length(); k++) if (chars[start + k] != word.charAt(k)) return false;
        return true;
    }

    String textOf(int start, int end) { return new String(chars, start, end - start); }

    /** The folded keys; valid between a {@link #fold} and the next. */
    char[] keyChars() { return keyChars; }

    /**
     * Folds the word (NameFolder.foldToken) into {@link #keyChars} from {@code at}; returns where its key ends
     * ({@code at} for an article, "al", "el", hyphenated "ash-", …, and for marks).
     */
    int fold(int start, int end, boolean hyphenated, int at) {
        if (start == lastFolded) {
            ensureKeyRoom(at, lastKeyLength);
            System.arraycopy(keyChars, lastKeyAt, keyChars, at, lastKeyLength);
        } else {
            ensureKeyRoom(at, end - start);
            int to = NameFolder.foldAsciiToken(chars, start, end, hyphenated, keyChars, at);
            if (to < 0) { // not ASCII: the folder itself
                String key = NameFolder.foldToken(text, start, end, hyphenated);
                ensureKeyRoom(at, key.length());
                key.getChars(0, key.length(), keyChars, at);
                to = at + key.length();
            }
            lastFolded = start;
            lastKeyLength = to - at;
        }
        lastKeyAt = at;
        return at + lastKeyLength;
    }

    /**
     * An Arabic article written as a word of its own ("al", "Al-", "ash-"): letters that fold to nothing. The
     * ASCII articles all begin with an a or an e, so other ASCII words are told apart without folding them.
     */
    boolean isArticle(int start, int end, boolean hyphenated, int keyAt) {
        char first = chars[start];
        if (first < 128 && (first | 0x20) != 'a' && (first | 0x20) != 'e') return false;
        return Character.isLetter(first) && fold(start, end, hyphenated, keyAt) == keyAt;
    }

    /**
     * By char: for an ASCII consonant (either case), bit c - 'a' of its lower case c; 0 for any other char. A word's
     * key begins with that consonant when the word does (NameFolder's rules change vowels, apostrophes, doubled
     * letters and a final h, never a word's first consonant): read for every char value, so the test is one load.
     */
    private static final int[] CONSONANT_BIT = new int[Character.MAX_VALUE + 1];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            if ("aeiou".indexOf(c) >= 0) continue;
            CONSONANT_BIT[c] = CONSONANT_BIT[Character.toUpperCase(c)] = 1 << (c - 'a');
        }
    }

    /**
     * The first char of the key of the word at {@code start} when it begins with an ASCII consonant, told without
     * folding it, as a bit (see {@link #CONSONANT_BIT}); 0 for any other word.
     */
    int leadingConsonantBit(int start) {
        return CONSONANT_BIT[chars[start]];
    }

    private void ensureKeyRoom(int at, int extra) {
        if (at + extra > keyChars.length) keyChars = Arrays.copyOf(keyChars, Math.max(keyChars.length * 2, at + extra));
    }

    /**
     * The key of an Arabic word without its one-letter proclitic before the article (وال، بال، فال، كال، لل),
     * so "بالموصل" (in Mosul) meets "الموصل"; null when the word has none.
     */
    String keyWithoutProclitic(int start, int end) {
        if (!arabic(start, end) || end - start < 5) return null;
        char first = chars[start];
        char second = chars[start + 1];
        char third = chars[start + 2];
        if (first == '\u0644' && second == '\u0644') {
            return NameFolder.foldToken(text, start + 2, end, false); // لل: li- + the article without its alef
        }
        boolean proclitic = first == '\u0648' || first == '\u0628' || first == '\u0641' || first == '\u0643';
        if (proclitic && second == '\u0627' && third == '\u0644') {
            return NameFolder.foldToken(text, start + 1, end, false); // the folder drops the glued article
        }
        return null;
    }
}
