package io.sitrep.nlp.clean;

/**
 * The ASCII chars whose presence in each line {@link TextSanitizer#scan} notes, as bits of a line's notes: a line
 * whose notes lack a char's bit holds no such char, so a search for it there is skipped. Chars beyond the bits
 * available share the last one; a char not noted (or not ASCII) has a bit set in every line's notes.
 */
final class CharNotes {
    /** The note bits sit above the scan's counts ({@link TextSanitizer}) and below its letter flag (the sign bit). */
    static final int FIRST_BIT = 39, BITS = 23;
    /** In every line's notes: the bit of a char not noted. */
    static final long EVERY = 1L << (FIRST_BIT + BITS);
    /** Every bit a line's notes can have. */
    static final long ALL = ((1L << BITS) - 1) << FIRST_BIT | EVERY;

    /** Notes of no char. */
    static final CharNotes NONE = new CharNotes("");

    private final long[] bitOfAscii = new long[128];
    /** What the scan adds for each ASCII char: its counts, its note bit and its letter flag. */
    final long[] scanTable = new long[128];

    CharNotes(String noted) {
        java.util.Arrays.fill(bitOfAscii, EVERY);
        int next = 0;
        for (int i = 0; i < noted.length(); i++) {
            char c = noted.charAt(i);
            if (c >= 128 || bitOfAscii[c] != EVERY) continue;
            bitOfAscii[c] = 1L << (FIRST_BIT + Math.min(next++, BITS - 1));
        }
        for (char c = 0; c < 128; c++) scanTable[c] = TextSanitizer.counts(c) | (bitOfAscii[c] & ~EVERY);
    }

    /** The bit of a char in a line's notes. */
    long bitOf(char c) { return c < 128 ? bitOfAscii[c] : EVERY; }

    /** Whether a line with these notes may hold the char. */
    boolean mayHold(long lineNotes, char c) { return (lineNotes & bitOf(c)) != 0; }
}
