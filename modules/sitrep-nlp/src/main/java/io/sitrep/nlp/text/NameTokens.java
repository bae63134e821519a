package io.sitrep.nlp.text;

import java.util.Arrays;

/**
 * The words of a text as a name matcher sees them: offsets, the {@link NameFolder} key of each word, whether a
 * word may be glued to the next one in a multi-word name, and its shape (capitalised, possessive). A possessive
 * "’s" is not part of the word ("Iraq’s" is the word "Iraq"). One pass, no regular expressions.
 *
 * <p>Most words of a text can be looked up in a dictionary without folding them: a word of up to 12 ASCII letters
 * carries its lower-case letters {@link #packed} into a long, which the scan builds as it reads the chars (and
 * which a table of spellings can map straight to a key), with its {@link #consonants} as bits, and every word has a
 * {@link #skeleton} (a hash of its consonants and digits in order, with the vowel runs between them, made when asked
 * for): no vowel folding changes either, so a dictionary can rule a word out by them without folding it. A word's key is
 * folded on first use ({@link #keyStart}, {@link #keyEnd}, {@link #keyHash}) into {@link #keyChars()}; articles and
 * words that are not plain ASCII are folded at once.
 *
 * <p>An instance may be {@link #read} again for the next text, reusing its arrays; it is not thread-safe.
 */
public final class NameTokens {
    /**
     * Skeleton symbols of ASCII chars: a separator, an apostrophe (skipped), a vowel, or for the other letters and
     * digits the lower-case char. h and y count as vowels: folding turns a y after a vowel into i, and drops a final h
     * after a vowel, so only as vowels do they leave the skeleton as it was.
     */
    private static final int SEPARATOR = -1, APOSTROPHE = 0, VOWEL = 1;
    private static final int[] ASCII_SYMBOL = new int[128];
    /**
     * What the scan takes of an ASCII char: -1 for a separator; else a letter's {@link #letterCode} in the low 5 bits,
     * with the {@link #DIGIT} or {@link #APOSTROPHE_MARK} bit for those chars, so the marks of a word are the OR of its chars.
     */
    private static final int[] ASCII_PACK = new int[128];
    /**
     * {@link #ASCII_PACK} for every char: a char that is not ASCII is a separator (-1, {@link #HYPHEN_STOP} for a
     * hyphen) or {@link #NON_ASCII}, so the scan reads one table per char with no branch on the char's range.
     */
    private static final int[] CHAR_PACK = new int[Character.MAX_VALUE + 1];
    private static final int DIGIT = 1 << 5, APOSTROPHE_MARK = 1 << 6, NON_ASCII = 1 << 7;
    /** The consonants (letters but a, e, i, o, u, h, y) in the order of the alphabet. */
    private static final String CONSONANTS = "bcdfgjklmnpqrstvwxz";
    /**
     * Where a consonant's bit sits in {@link #ASCII_PACK} (and so in a word's marks, and its flags): the ASCII_PACK of
     * consonant {@code CONSONANTS.charAt(k)} has bit {@code CONSONANT_SHIFT + k}.
     */
    private static final int CONSONANT_SHIFT = 8;
    /** The most letters {@link #packed} holds: 12 of 5 bits. */
    public static final int MAX_PACKED_LETTERS = 12;
    /**
     * Word flags; PLAIN: ASCII letters and digits only, and no article; FOLDED: its key is in {@link #keyChars()};
     * EMPTY_KEY: it folds to nothing (known when it was folded by the scan: a plain word never folds to nothing).
     */
    private static final int POSSESSIVE = 1, HYPHENATED = 2, PLAIN = 4, FOLDED = 8, EMPTY_KEY = 16;
    /** What {@link #ASCII_PACK} has for a hyphen, which ends a word as any separator (&lt; 0) does. */
    private static final int HYPHEN_STOP = -2;
    /** The {@link #packed} letters of the articles that are articles with or without a hyphen after them: al, el. */
    private static final long AL = letterCode('a') << 5 | letterCode('l'), EL = letterCode('e') << 5 | letterCode('l');
    /** By {@link #letterCode}: the letter's code, or 0 for the letters that are skeleton vowels (a, e, i, o, u, h, y). */
    private static final int[] SHAPE_SYMBOL = new int[32];
    /** The {@link #consonants} of "abd". */
    private static final int ABD_CONSONANTS = consonantBit('b') | consonantBit('d');
    /** Words of up to three packed letters are below this. */
    private static final int SHORT_PACKED_LIMIT = 1 << 15;
    /** Bit p is set when the word of packed letters p (up to three) is an article when a hyphen follows it: ash-, ad-. */
    private static final long[] HYPHENATED_ARTICLES = new long[SHORT_PACKED_LIMIT / 64];

    static {
        for (char c = 0; c < 128; c++) {
            char lower = Character.toLowerCase(c);
            if (NameFolder.isSeparator(c)) ASCII_SYMBOL[c] = SEPARATOR;
            else if (c == '\'' || c == '`') ASCII_SYMBOL[c] = APOSTROPHE;
            else ASCII_SYMBOL[c] = "aeiouhy".indexOf(lower) >= 0 ? VOWEL : lower;
            int symbol = ASCII_SYMBOL[c];
            ASCII_PACK[c] = symbol == SEPARATOR ? -1 : symbol == APOSTROPHE ? APOSTROPHE_MARK
                    : lower >= 'a' && lower <= 'z' ? letterCode(lower) | consonantBit(lower) << CONSONANT_SHIFT : DIGIT;
            if (NameFolder.isHyphen(c)) ASCII_PACK[c] = HYPHEN_STOP;
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            CHAR_PACK[c] = c < 128 ? ASCII_PACK[c]
                    : NameFolder.isSeparator(ch) ? (NameFolder.isHyphen(ch) ? HYPHEN_STOP : -1) : NON_ASCII;
        }
        for (char c = 'a'; c <= 'z'; c++) SHAPE_SYMBOL[letterCode(c)] = ASCII_SYMBOL[c] == VOWEL ? 0 : letterCode(c);
        char[] word = new char[3];
        for (int p = 1 << 5; p < SHORT_PACKED_LIMIT; p++) {
            int length = p < 1 << 10 ? 2 : 3;
            boolean letters = true;
            for (int k = 0; k < length; k++) {
                int code = (p >>> 5 * (length - 1 - k)) & 31;
                letters &= code >= 1 && code <= 26;
                word[k] = (char) ('a' + code - 1);
            }
            if (letters && NameFolder.isAsciiArticle(word, 0, length, true)) HYPHENATED_ARTICLES[p >>> 6] |= 1L << p;
        }
    }

    private CharSequence text = "";
    private char[] chars = new char[0]; // the text, read without a call per char
    private int size;
    private long[] span = new long[0]; // a word's start, and its end in the high half
    private int[] keyStart = new int[0];
    private int[] keyEnd = new int[0];
    private int[] keyHash = new int[0];
    private long[] packed = new long[0];
    private int[] capitalisedWords = new int[0];
    private int capitalisedCount;
    private int[] skeleton = new int[0];
    private int[] flags = new int[0]; // the word flags, and for a plain word its consonants from CONSONANT_SHIFT on
    private String[] keyStrings; // made on first use
    private final NameFolder.Chars keys = new NameFolder.Chars(64);
    private char[] joined = new char[32];

    /** Empty; {@link #read} a text into it. */
    public NameTokens() {}

    public static NameTokens of(CharSequence text) { return new NameTokens().read(text); }

    /** Replaces the words with those of {@code text}, reusing the arrays; returns this. */
    public NameTokens read(CharSequence text) {
        this.text = text == null ? "" : text;
        String s = this.text.toString();
        int n = s.length();
        if (chars.length < n) chars = new char[n];
        s.getChars(0, n, chars, 0);
        // English runs about six characters a word: room for most texts without growing
        int capacity = n / 5 + 16;
        if (span.length < capacity) allocate(capacity);
        size = 0;
        capitalisedCount = 0;
        keys.length = 0;
        keyStrings = null;
        scan(n);
        return this;
    }

    public int size() { return size; }
    public int start(int i) { return (int) span[i]; }
    public int end(int i) { return (int) (span[i] >>> 32); }

    /** The folded key; empty for an article ("al-"), "al" for an article right after "Abd". */
    public String key(int i) {
        if (keyStrings == null) keyStrings = new String[size];
        String k = keyStrings[i];
        if (k == null) {
            int from = keyStart(i);
            keyStrings[i] = k = new String(keys.a, from, keyEnd[i] - from);
        }
        return k;
    }

    /** Whether word i folds to nothing (an article). Never folds: a word folded lazily is never empty. */
    public boolean keyIsEmpty(int i) { return (flags[i] & EMPTY_KEY) != 0; }

    /**
     * The folded keys; word i's key is the range [{@link #keyStart}, {@link #keyEnd}). Read only, and read it after
     * those calls: folding a word may move the keys to a larger array.
     */
    public char[] keyChars() { return keys.a; }

    /** Where the key of word i starts in {@link #keyChars()}; folds the word if it is not yet. */
    public int keyStart(int i) {
        if ((flags[i] & FOLDED) == 0) fold(i);
        return keyStart[i];
    }

    /** Where the key of word i ends in {@link #keyChars()}; folds the word if it is not yet. */
    public int keyEnd(int i) {
        if ((flags[i] & FOLDED) == 0) fold(i);
        return keyEnd[i];
    }

    /** {@code String.hashCode} of the key of word i; folds the word if it is not yet. */
    public int keyHash(int i) {
        if ((flags[i] & FOLDED) == 0) fold(i);
        return keyHash[i];
    }

    /**
     * The {@link #skeleton(char[], int, int)} of word i's key, known without folding: two keys that differ in it
     * differ, so a dictionary can rule a word out by its skeleton alone. A plain word's is made from its chars on
     * each call (most words are ruled out or in before it is asked for); a folded word's was made with its key.
     */
    public int skeleton(int i) {
        return (flags[i] & PLAIN) != 0 ? skeleton(chars, start(i), end(i)) : skeleton[i];
    }

    /**
     * The lower-case letters of word i packed 5 bits each ({@link #letterCode}), the first letter highest; 0 when
     * the word is an article, has more than {@link #MAX_PACKED_LETTERS} letters or any char but an ASCII letter.
     * Such a word folds as its packed letters alone say: a dictionary may map them to its key.
     */
    public long packed(int i) { return packed[i]; }

    /**
     * The consonants of a {@link #packed} word (meaningless for another) as bits, b lowest: letters but a, e, i, o,
     * u, h and y. Folding changes only those, so two words that fold alike have the same consonants: a dictionary
     * can rule a word out by them alone, and the scan gets them with no work of its own.
     */
    public int consonants(int i) { return flags[i] >>> CONSONANT_SHIFT; }

    /**
     * The shape of a {@link #packed} word (meaningless for another): its {@link #consonants}, and its first and last
     * letters as {@link #skeleton} symbols (a vowel, h and y alike; a consonant itself), in 29 bits. Folding changes
     * none of them, so two words that fold alike have the same shape: a dictionary can rule a word out by its shape
     * alone, and it is known from the packed letters without reading the word again.
     */
    public int shape(int i) {
        long letters = packed[i];
        int first = (int) (letters >>> 5 * (end(i) - start(i) - 1)) & 31;
        return shape(consonants(i), first, (int) letters & 31);
    }

    /** The {@link #shape} of key chars [from, to), -1 when a char is not a lower-case ASCII letter or there is none. */
    public static int shape(char[] key, int from, int to) {
        int consonants = consonants(key, from, to);
        if (consonants < 0 || to <= from) return -1;
        return shape(consonants, letterCode(key[from]), letterCode(key[to - 1]));
    }

    private static int shape(int consonants, int firstCode, int lastCode) {
        return consonants | SHAPE_SYMBOL[firstCode] << 19 | SHAPE_SYMBOL[lastCode] << 24;
    }

    /** The {@link #consonants} of key chars [from, to), -1 when a char is not a lower-case ASCII letter. */
    public static int consonants(char[] key, int from, int to) {
        int bits = 0;
        for (int k = from; k < to; k++) {
            char c = key[k];
            if (c < 'a' || c > 'z') return -1;
            bits |= consonantBit(c);
        }
        return bits;
    }

    /** The bit of a lower-case letter in a {@link #consonants} set, 0 for a vowel. */
    private static int consonantBit(char lower) {
        int k = CONSONANTS.indexOf(lower);
        return k < 0 ? 0 : 1 << k;
    }

    /** The 5-bit code of a lower-case ASCII letter in a {@link #packed} word: a is 1, z is 26. */
    public static int letterCode(char lower) { return lower - 'a' + 1; }

    /**
     * A hash of a key's symbols in order, a run of equal symbols counted once: consonants and digits as they are,
     * vowels (with h and y) as one symbol, apostrophes skipped, other chars as they are. The fold of a plain ASCII
     * word that is no article has the skeleton of the word itself: folding only changes vowels into vowels, drops
     * doubles and apostrophes, and drops a final h after a vowel.
     */
    public static int skeleton(char[] key, int from, int to) {
        int hash = 0, last = 0;
        for (int k = from; k < to; k++) {
            char c = key[k];
            int symbol = c < 128 ? ASCII_SYMBOL[c] : c;
            if (symbol == APOSTROPHE || symbol == last) continue;
            hash = 31 * hash + symbol;
            last = symbol;
        }
        return hash;
    }

    /** The keys of words [from, to] glued together into {@link #joinedKeys()}; returns their length. */
    public int joinKeys(int from, int to) {
        int length = 0;
        for (int i = from; i <= to; i++) {
            int ks = keyStart(i), ke = keyEnd[i];
            if (length + ke - ks > joined.length) joined = Arrays.copyOf(joined, Math.max(joined.length * 2, length + ke - ks));
            System.arraycopy(keys.a, ks, joined, length, ke - ks);
            length += ke - ks;
        }
        return length;
    }

    /** The chars of the last {@link #joinKeys}. Read only. */
    public char[] joinedKeys() { return joined; }

    /** Only spaces or a hyphen (or the dot of an initial) separate word i from word i+1: they may form one name. */
    public boolean joinsNext(int i) { return i + 1 < size && (flags[i] & POSSESSIVE) == 0 && gapJoins(i); }
    public boolean possessive(int i) { return (flags[i] & POSSESSIVE) != 0; }
    public CharSequence text() { return text; }

    /** Word i starts with a capital, or with a letter of a script without case (Arabic names are names). */
    public boolean capitalised(int i) { return isCapital(chars[start(i)]); }

    /** How many words are {@link #capitalised}. */
    public int capitalisedCount() { return capitalisedCount; }

    /** The c-th {@link #capitalised} word, in text order. */
    public int capitalisedWord(int c) { return capitalisedWords[c]; }

    private static boolean isCapital(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z';
        return Character.isUpperCase(c) || (Character.isLetter(c) && !Character.isLowerCase(c) && c > 0x2FF);
    }

    /** Every letter of word i is upper case (acronyms: "SDF", "US"). */
    public boolean allCaps(int i) {
        boolean letter = false;
        for (int k = start(i), e = end(i); k < e; k++) {
            char c = chars[k];
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') return false;
                letter |= c >= 'A' && c <= 'Z';
                continue;
            }
            if (Character.isLowerCase(c)) return false;
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /** Whether the separator after word i holds a comma (and nothing that ends a sentence). */
    public boolean commaAfter(int i) {
        if (i + 1 >= size) return false;
        boolean comma = false;
        for (int k = end(i), next = start(i + 1); k < next; k++) {
            char c = chars[k];
            if (c == ',') comma = true;
            else if (c != ' ' && c != '’' && c != '\'' && c != 's') return false;
        }
        return comma;
    }

    public String surface(int from, int toInclusive) { return text.subSequence(start(from), end(toInclusive)).toString(); }

    private void scan(int n) {
        char[] text = chars;
        int i = 0;
        int[] pack = CHAR_PACK;
        while (i < n && pack[text[i]] < 0) i++;
        while (i < n) {
            int s = i;
            long letters = 0;
            int marks = 0;
            int stop = -1; // what ended the word: HYPHEN_STOP for a hyphen
            // a char costs a table read, an OR and a shift: the skeleton waits for a lookup. The letters of a word
            // with a char that is not ASCII mean nothing (it is folded from its chars)
            for (; i < n; i++) {
                int code = pack[text[i]];
                if (code < 0) { stop = code; break; }
                marks |= code;
                letters = letters << 5 | (code & 31); // letters beyond 12 shift out: such a word is not packed
            }
            int flag = stop == HYPHEN_STOP ? HYPHENATED : 0;
            // an apostrophe ('’‘`) is ASCII-marked or not ASCII: a word with neither has nothing to trim
            if ((marks & (APOSTROPHE_MARK | NON_ASCII)) == 0) addWord(s, i, letters, marks, flag);
            else addTrimmed(s, i, marks, flag);
            // past the separator that ended the word, and those after it
            i++;
            while (i < n && pack[text[i]] < 0) i++;
        }
    }

    /** Adds word [s, e) with an apostrophe or a char that is not ASCII, less a possessive and quotes around it. */
    private void addTrimmed(int s, int e, int marks, int flag) {
        char[] text = chars;
        int rawStart = s, rawEnd = e;
        // trailing possessive or quote: Iraq’s, forces’
        if (e - s > 2 && (text[e - 1] == 's' || text[e - 1] == 'S') && isApostrophe(text[e - 2])) {
            e -= 2;
            flag |= POSSESSIVE;
        }
        while (e > s && isApostrophe(text[e - 1])) { e--; flag |= POSSESSIVE; }
        while (s < e && isApostrophe(text[s])) s++;
        if (s >= e) return;
        long letters = 0;
        if (s != rawStart || e != rawEnd) {
            // trimmed: the letters and the script are those of what is left
            marks = 0;
            for (int k = s; k < e; k++) {
                char c = text[k];
                if (c < 128) {
                    marks |= ASCII_PACK[c];
                    letters = letters << 5 | (ASCII_PACK[c] & 31);
                } else {
                    marks |= NON_ASCII;
                }
            }
        }
        if ((marks & (APOSTROPHE_MARK | NON_ASCII)) == 0) addWord(s, e, letters, marks, flag);
        else addFolded(s, e, flag);
    }

    /**
     * Adds word [s, e) of ASCII letters and digits, whose chars gave {@code letters} and {@code marks}: four array
     * writes for a word that is no article, which is folded when a lookup asks for its key.
     */
    private void addWord(int s, int e, long letters, int marks, int flag) {
        long packedLetters = e - s <= MAX_PACKED_LETTERS && (marks & DIGIT) == 0 ? letters : 0;
        if (packedLetters < SHORT_PACKED_LIMIT && isArticle(packedLetters, flag)) {
            addFolded(s, e, flag);
            return;
        }
        if (size == span.length) allocate(size * 2);
        int w = size++;
        span[w] = (long) e << 32 | s;
        packed[w] = packedLetters;
        // a plain ASCII word that is no article: its key has the word's skeleton, made when asked for
        flags[w] = flag | PLAIN | marks & -1 << CONSONANT_SHIFT;
        capitalisedWords[capitalisedCount] = w; // kept only if it is capitalised
        if ((char) (chars[s] - 'A') < 26) capitalisedCount++;
    }

    /** Whether the word of up to three packed letters (0 for none) is an article, with {@link #HYPHENATED} in flag or not. */
    private static boolean isArticle(long packedLetters, int flag) {
        if (packedLetters == AL || packedLetters == EL) return true;
        return (flag & HYPHENATED) != 0 && (HYPHENATED_ARTICLES[(int) packedLetters >>> 6] & 1L << packedLetters) != 0;
    }

    /** Adds word [s, e), an article or a word that is not plain ASCII, folded at once. */
    private void addFolded(int s, int e, int flag) {
        if (size == span.length) allocate(size * 2);
        int w = size++;
        span[w] = (long) e << 32 | s;
        packed[w] = 0;
        flags[w] = flag;
        capitalisedWords[capitalisedCount] = w;
        if (isCapital(chars[s])) capitalisedCount++;
        fold(w);
        if (keyEnd[w] == keyStart[w] && w > 0 && isAbd(w - 1)) {
            // "Abd al-X" spells the same name as "Abdel X": the article stays as "al"
            keys.append('a', 'l');
            keyEnd[w] = keys.length;
            keyHash[w] = "al".hashCode();
        }
        if (keyEnd[w] == keyStart[w]) flags[w] |= EMPTY_KEY;
        skeleton[w] = skeleton(keys.a, keyStart[w], keyEnd[w]);
    }

    private boolean isAbd(int i) {
        // a plain word folds to "abd" only if its consonants are b and d: most words are told so without folding
        if ((flags[i] & PLAIN) != 0 && consonants(i) != ABD_CONSONANTS) return false;
        int ks = keyStart(i);
        char[] k = keys.a;
        return keyEnd[i] - ks == 3 && k[ks] == 'a' && k[ks + 1] == 'b' && k[ks + 2] == 'd';
    }

    /** Folds word i onto the end of the keys. */
    private void fold(int i) {
        int from = keys.length;
        boolean plain = (flags[i] & PLAIN) != 0;
        if (plain) NameFolder.foldPlainAsciiInto(chars, start(i), end(i), keys);
        else NameFolder.foldTokenInto(chars, start(i), end(i), (flags[i] & HYPHENATED) != 0, keys);
        keyStart[i] = from;
        keyEnd[i] = keys.length;
        int h = 0;
        char[] k = keys.a;
        for (int c = from; c < keys.length; c++) h = 31 * h + k[c];
        keyHash[i] = h;
        flags[i] |= FOLDED;
    }

    private boolean gapJoins(int t) {
        int end = end(t), next = start(t + 1);
        int gap = next - end;
        if (gap <= 0 || gap > 3) return false;
        char[] text = chars;
        if (gap == 1 && text[end] == ' ') return true; // the usual gap
        boolean space = false, hyphen = false;
        for (int k = end; k < next; k++) {
            char c = text[k];
            if (c == ' ') { space = true; continue; }
            if (NameFolder.isHyphen(c)) {
                // "al-Asad" joins; "Shafaq News – Baghdad" is a dash between phrases
                if (space) return false;
                hyphen = true;
                continue;
            }
            if (hyphen && c == ' ') return false;
            if (c == '.' && end - start(t) == 1 && Character.isUpperCase(text[start(t)])) continue; // U.S.
            return false;
        }
        return !(hyphen && space);
    }

    private void allocate(int capacity) {
        span = Arrays.copyOf(span, capacity);
        keyStart = Arrays.copyOf(keyStart, capacity);
        keyEnd = Arrays.copyOf(keyEnd, capacity);
        keyHash = Arrays.copyOf(keyHash, capacity);
        packed = Arrays.copyOf(packed, capacity);
        capitalisedWords = Arrays.copyOf(capitalisedWords, capacity);
        skeleton = Arrays.copyOf(skeleton, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`';
    }
}
