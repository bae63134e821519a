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
        // most captured text needs no change: then it is only counted, not copied. An ASCII char adds its counts,
        // packed in one long (COUNT_BITS bits each), with one add and no branch. The chars are read in chunks
        // into a per-thread buffer (String.charAt checks each index, and which coder)
        int n = s.length();
        int letters = 0, visible = 0;
        char[] chunk = CHUNK.get();
        for (int from = 0; from < n; from += chunk.length) {
            int len = Math.min(chunk.length, n - from);
            s.getChars(from, from + len, chunk, 0);
            long counts = 0;
            for (int i = 0; i < len; i++) {
                char c = chunk[i];
                if (c < 0x80) {
                    counts += ASCII_COUNTS[c];
                } else if (!kept(c)) {
                    return rewrite(s);
                } else {
                    visible++;
                    if (Character.isLetter(c)) letters++;
                }
            }
            if (counts >>> (2 * COUNT_BITS) != 0) return rewrite(s);
            visible += (int) (counts & COUNT_MASK);
            letters += (int) (counts >>> COUNT_BITS & COUNT_MASK);
        }
        return verdict(s, 0, letters, visible);
    }

    private static final int COUNT_BITS = 21;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** Chars read at a time: far fewer than the packed counts can hold. */
    private static final ThreadLocal<char[]> CHUNK = ThreadLocal.withInitial(() -> new char[4096]);
    /** What the fast path counts for an ASCII char: visible (bit 0), letter (bit 21), to be changed (bit 42). */
    private static final long[] ASCII_COUNTS = new long[128];

    static {
        for (char c = 0; c < 128; c++) {
            // space and line feed are kept and not counted
            if (c == ' ' || c == '\n') continue;
            ASCII_COUNTS[c] = !kept(c) ? 1L << (2 * COUNT_BITS) : Character.isLetter(c) ? 1 | 1L << COUNT_BITS : 1;
        }
    }

    /** Whether a char other than space and line feed stays as it is and counts as visible. */
    private static boolean kept(char c) {
        if (c < 0x80) return c >= 0x20 && c != 0x7F;
        return c > 0x9F && c != '\u00A0' && c != '\u00AD' && c != '\u0085' && !(c >= '\u2000' && c <= '\u200D')
                && c != '\u2028' && c != '\u2029' && c != '\u202F' && c != '\u205F' && c != '\u2060' && c != '\u3000'
                && !Character.isSurrogate(c) && !(c >= '\uE000' && c <= '\uF8FF') && c != '\uFEFF' && c < '\uFFFD';
    }

    private static String verdict(String text, int bad, int letters, int visible) {
        if (visible == 0) return null;
        if (bad > MAX_BAD_SHARE * (visible + bad) || letters < MIN_LETTER_SHARE * visible) return null;
        return text;
    }

    private static String rewrite(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int bad = 0, letters = 0, visible = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') continue;
                out.append('\n');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\t' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F'
                    || c == '\u3000') {
                out.append(' ');
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
                    || (c >= '\uE000' && c <= '\uF8FF')) {
                bad++;
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                // invisible, harmless: dropped
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                    visible++;
                } else bad++;
            } else if (Character.isLowSurrogate(c)) {
                bad++;
            } else {
                out.append(c);
                if (c != ' ') {
                    visible++;
                    if (Character.isLetter(c)) letters++;
                }
            }
        }
        return verdict(out.toString(), bad, letters, visible);
    }
}
