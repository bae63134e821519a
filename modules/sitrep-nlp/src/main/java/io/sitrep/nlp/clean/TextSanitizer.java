package io.sitrep.nlp.clean;

/**
 * Makes captured text safe to read: line ends unified, control characters, replacement characters, unpaired
 * surrogates and zero-width marks dropped, exotic spaces made plain. Returns null when the input is mostly not
 * text (binary garbage), so that it gives no segment instead of nonsense.
 */
final class TextSanitizer {
    /** Above this share of dropped characters the input is garbage. */
    private static final double MAX_BAD_SHARE = 0.10;
    /** Below this share of letters among visible characters the input is garbage. */
    private static final double MIN_LETTER_SHARE = 0.30;

    private TextSanitizer() {}

    static String sanitize(String s) {
        char[] chars = s.toCharArray();
        int n = sanitize(chars, chars.length);
        return n < 0 ? null : n == s.length() ? s : new String(chars, 0, n);
    }

    /**
     * Sanitizes {@code chars[0, n)} in place (it only drops and replaces chars) and returns the new length, or -1 when
     * the input is mostly not text.
     */
    static int sanitize(char[] chars, int n) {
        // most captured text needs no change: then it is only counted. An ASCII char adds its counts, packed in one
        // long (COUNT_BITS bits each), with one add and no branch; the packed counts are taken out every CHUNK chars
        int letters = 0, visible = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            long counts = 0;
            for (int i = from; i < to; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    counts += ASCII_COUNTS[c];
                } else if (!kept(c)) {
                    return rewrite(chars, n);
                } else {
                    visible++;
                    if (Character.isLetter(c)) letters++;
                }
            }
            if (counts >>> (2 * COUNT_BITS) != 0) return rewrite(chars, n);
            visible += (int) (counts & COUNT_MASK);
            letters += (int) (counts >>> COUNT_BITS & COUNT_MASK);
        }
        return verdict(n, 0, letters, visible);
    }

    private static final int COUNT_BITS = 21;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** Chars counted in one long: far fewer than the packed counts can hold. */
    private static final int CHUNK = 4096;
    /** What the fast path counts for an ASCII char: visible (bit 0), letter (bit 21), to be changed (bit 42). */
    private static final long[] ASCII_COUNTS = new long[128];

    static {
        for (char c = 0; c < 128; c++) {
            // space and line feed are kept and not counted
            if (c == ' ' || c == '\n') continue;
            ASCII_COUNTS[c] = !kept(c) ? 1L << (2 * COUNT_BITS) : Character.isLetter(c) ? 1 | 1L << COUNT_BITS : 1;
        }
    }

    /** {@link #countOf} of a char the sanitizer changes or drops. */
    static final long CHANGED = -1;

    /**
     * What a char adds to the counts of a text that needs no change, visible chars in the low 32 bits and letters in
     * the high ones (space and line feed: nothing); {@link #CHANGED} when the sanitizer changes or drops it. For a
     * pass that counts as it reads; it then calls {@link #verdict(int, long)}, or {@link #sanitize(char[], int)} when
     * a char was changed.
     */
    static long countOf(char c) {
        if (c == ' ' || c == '\n') return 0;
        if (!kept(c)) return CHANGED;
        return Character.isLetter(c) ? 1 | 1L << 32 : 1;
    }

    /** The length of a text that needs no change, or -1 when it is garbage, from its summed {@link #countOf}. */
    static int verdict(int length, long counts) { return verdict(length, 0, (int) (counts >>> 32), (int) counts); }

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

    /** The slow path, in place: the output is never longer than what was read, so it never overtakes the input. */
    private static int rewrite(char[] chars, int n) {
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
