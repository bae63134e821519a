package io.sitrep.nlp.clean;

/**
 * Makes captured text safe to read: line ends unified, control characters, replacement characters, unpaired
 * surrogates and zero-width marks dropped, exotic spaces made plain. Tells when the input is mostly not text
 * (binary garbage), so that it gives no segment instead of nonsense.
 */
final class TextSanitizer {
    /** Above this share of dropped characters the input is garbage. */
    private static final double MAX_BAD_SHARE = 0.10;
    /** Below this share of letters among visible characters the input is garbage. */
    private static final double MIN_LETTER_SHARE = 0.30;

    private TextSanitizer() {}

    /** What {@link #scan} tells when a char has to change: {@link #rewrite} then does the work. */
    static final int REWRITE = -2;
    /** The bit of {@link #scan}'s result that tells two spaces follow each other somewhere. */
    static final long DOUBLE_SPACE = 1L << 32;

    /**
     * Reads {@code chars[0, n)}: its length when it needs no change and is text, -1 when it needs no change and is
     * garbage, {@link #REWRITE} when a char has to change (as an int, in the low 32 bits), and {@link #DOUBLE_SPACE}.
     * When it needs no change, {@code lines} gets its non-empty lines, each with its language counts
     * ({@link LanguageDetector.Counts}) and the {@code notes} of the chars it holds: the same pass reads each char
     * once for all.
     */
    static long scan(char[] chars, int n, TextLines lines) { return scan(chars, n, lines, CharNotes.NONE); }

    /** {@link #scan(char[], int, TextLines)}, noting in each line the chars of {@code notes}. */
    static long scan(char[] chars, int n, TextLines lines, CharNotes notes) {
        long[] table = notes.scanTable; // of the 128 ASCII chars
        lines.clear();
        // most captured text needs no change: then it is only counted. A char adds its counts, packed in one long
        // (COUNT_BITS bits each), with one add and no branch; the packed counts are taken out at each line end and
        // every CHUNK chars. The loop over a line's chars keeps few values, so that they all stay in registers.
        int letters = 0, visible = 0; // of the runs done, and the non-ASCII letters
        boolean doubleSpace = false;
        // the open line: its start, its ASCII letters of the runs done, and the language counts of the rest of it
        int lineStart = 0, lineAscii = 0, latin = 0, arabic = 0, persian = 0, sorani = 0;
        long tally = 0;
        // the open word, as LanguageDetector.Counts keeps it: its ASCII letters, whether it has others
        boolean mixed = false;
        long packed = 0;
        long textNoted = 0; // the lines' done
        long noted = 0; // the open line's: the table entries of its chars or-ed, of which the note bits are read
        for (int from = 0; from < n; ) {
            // a run: up to a line end or CHUNK chars
            int to = Math.min(n, from + CHUNK);
            long counts = 0;
            int i = from;
            for (; i < to; i++) {
                char c = chars[i];
                long v = c < 128 ? table[c] : otherCounts(c); // (told ASCII, the read needs no bounds check)
                counts += v; // the note bits and flags above the counts are never read from the sum
                noted |= v;
                if (v < 0) { // an ASCII letter
                    packed = packed << 5 | (c & 31); // its number, 1 for a/A … 26 for z/Z
                    continue;
                }
                if ((v & OTHER_LETTER) != 0) {
                    letters++;
                    if (LanguageDetector.isArabic(c)) {
                        arabic++;
                        if (LanguageDetector.isPersian(c)) persian++;
                        if (LanguageDetector.isSorani(c)) sorani++;
                    } else if (c < 0x250) {
                        latin++;
                    }
                    mixed = true;
                    continue;
                }
                // a char that is no letter ends the open word, if any: looked up without asking whether there is one
                // or how long it is (ASCII letters only, packed, it finds nothing then), a branch that would often fail
                tally += mixed ? mixedWordTally(chars, i, packed, table) : LanguageDetector.asciiWordTally(packed);
                packed = 0;
                mixed = false;
                if (c == ' ' && i > 0 && chars[i - 1] == ' ') doubleSpace = true;
                if (c == '\n') break;
            }
            if ((counts & CHANGED_MASK) != 0) return REWRITE & 0xFFFF_FFFFL;
            visible += (int) (counts & COUNT_MASK);
            int ascii = (int) (counts >>> COUNT_BITS & COUNT_MASK);
            letters += ascii;
            lineAscii += ascii;
            if (i == to) {
                from = to;
                continue;
            }
            if (i > lineStart) lines.add(lineStart, i, latin + lineAscii, arabic, persian, sorani, tally, noted);
            lineStart = from = i + 1;
            textNoted |= noted;
            noted = 0;
            lineAscii = latin = arabic = persian = sorani = 0;
            tally = 0;
        }
        tally += mixed ? mixedWordTally(chars, n, packed, table) : LanguageDetector.asciiWordTally(packed);
        if (n > lineStart) lines.add(lineStart, n, latin + lineAscii, arabic, persian, sorani, tally, noted);
        lines.allNotes = (textNoted | noted) & CharNotes.ALL | CharNotes.EVERY;
        lines.counted = true;
        return verdict(n, 0, letters, visible) & 0xFFFF_FFFFL | (doubleSpace ? DOUBLE_SPACE : 0);
    }

    /**
     * What the word with a non-ASCII letter ending at {@code end} adds to a tally: its start is found back from its
     * end, no further than a word longer than any function word (which adds nothing, whatever its length).
     */
    private static long mixedWordTally(char[] chars, int end, long packed, long[] table) {
        int start = end;
        while (start > 0 && end - start <= LanguageDetector.MAX_WORD && isLetter(chars[start - 1], table)) start--;
        return LanguageDetector.wordTally(chars, end, end - start, packed, true);
    }

    private static boolean isLetter(char c, long[] table) { return c < 128 ? table[c] < 0 : (otherCounts(c) & OTHER_LETTER) != 0; }

    /**
     * {@link #counts} of a char that is not ASCII, read from tables made at load: the scan's loop then makes no call
     * (which costs it much more than the branch on whether a char is ASCII).
     */
    private static long otherCounts(char c) { return COUNTS_OF_KIND[KIND_OF_CHAR[c]]; }

    private static final int COUNT_BITS = 13;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** The changed chars' count. */
    private static final long CHANGED_MASK = COUNT_MASK << (2 * COUNT_BITS);
    /** Chars counted in one long: no more than a count holds. */
    private static final int CHUNK = 1 << (COUNT_BITS - 1);
    /** The sign bit of an ASCII char's counts: set for a letter. */
    private static final long LETTER = Long.MIN_VALUE;
    /**
     * The bit of a non-ASCII letter's counts, which the scan counts on its own (it is not an ASCII letter, nor a
     * word end): {@link CharNotes#EVERY}'s, which every line's notes have anyway.
     */
    private static final long OTHER_LETTER = CharNotes.EVERY;

    /** The counts a non-ASCII char can have: visible, a letter, to be changed. */
    private static final long[] COUNTS_OF_KIND = {1, 1 | OTHER_LETTER, 1L << (2 * COUNT_BITS)};
    /** Of each char (all 65,536): the index of its {@link #counts} in {@link #COUNTS_OF_KIND} (0 for ASCII). */
    private static final byte[] KIND_OF_CHAR = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 128; c <= Character.MAX_VALUE; c++) {
            long counts = counts((char) c);
            int kind = 0;
            while (COUNTS_OF_KIND[kind] != counts) kind++;
            KIND_OF_CHAR[c] = (byte) kind;
        }
    }

    /**
     * What the scan counts for a char: visible (bit 0), ASCII letter (bit 13), to be changed (bit 26), and
     * {@link #LETTER} for an ASCII letter, {@link #OTHER_LETTER} for another. {@link CharNotes} puts its note bits
     * between.
     */
    static long counts(char c) {
        if (c == ' ' || c == '\n') return 0; // kept and not counted
        if (!kept(c)) return 1L << (2 * COUNT_BITS);
        if (!Character.isLetter(c)) return 1;
        return c < 128 ? 1 | 1L << COUNT_BITS | LETTER : 1 | OTHER_LETTER;
    }

    /** Whether a char other than space and line feed stays as it is and counts as visible. */
    private static boolean kept(char c) {
        if (c < 0x80) return c >= 0x20 && c != 0x7F;
        return c > 0x9F && c != '\u00A0' && c != '\u00AD' && c != '\u0085' && !(c >= '\u2000' && c <= '\u200D')
                && c != '\u2028' && c != '\u2029' && c != '\u202F' && c != '\u205F' && c != '\u2060' && c != '\u3000'
                && !Character.isSurrogate(c) && !(c >= '\uE000' && c <= '\uF8FF') && c != '\uFEFF' && c < '\uFFFD';
    }

    private static int verdict(int length, int bad, int letters, int visible) {
        if (visible == 0) return -1;
        if (bad > MAX_BAD_SHARE * (visible + bad) || letters < MIN_LETTER_SHARE * visible) return -1;
        return length;
    }

    /**
     * Sanitizes {@code chars[0, n)} in place, the slow way, and returns the new length or -1 for garbage: the output
     * is never longer than what was read, so it never overtakes the input.
     */
    static int rewrite(char[] chars, int n) {
        int w = 0;
        int bad = 0, letters = 0, visible = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c == '\r') {
                if (i + 1 < n && chars[i + 1] == '\n') continue;
                chars[w++] = '\n';
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                chars[w++] = '\n';
            } else if (c == '\t' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F'
                    || c == '\u3000') {
                chars[w++] = ' ';
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
                    || (c >= '\uE000' && c <= '\uF8FF')) {
                bad++;
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                // invisible, harmless: dropped
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                    char low = chars[++i];
                    chars[w++] = c;
                    chars[w++] = low;
                    visible++;
                } else bad++;
            } else if (Character.isLowSurrogate(c)) {
                bad++;
            } else {
                chars[w++] = c;
                if (c != ' ') {
                    visible++;
                    if (Character.isLetter(c)) letters++;
                }
            }
        }
        return verdict(w, bad, letters, visible);
    }
}
