package io.sitrep.nlp.place;

/**
 * {@link io.sitrep.nlp.text.NameFolder#foldToken} for a word of ASCII characters, written into the caller's buffer
 * instead of a new String: most words a resolver folds are English-script capitalised words, and a String (with
 * its buffers) per word was a large part of a call's cost. The steps are NameFolder's, in its order (apostrophes
 * dropped and lower case, articles, vowel spellings, doubles, final h); AsciiKeyFolderTest checks that both give
 * the same key. A word with any other character is left to NameFolder.
 */
final class AsciiKeyFolder {
    private AsciiKeyFolder() {}

    /**
     * Folds word [start, end) of {@code text} into {@code out} from {@code from} (room for end - start chars
     * needed: a key is never longer than its ASCII word). Returns where the key ends ({@code from} for an
     * article), or -1 when the word is not ASCII.
     */
    static int fold(char[] text, int start, int end, boolean hyphenated, char[] out, int from) {
        int w = from;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c >= 0x80) return -1;
            if (c == '\'' || c == '`') continue;
            out[w++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        int len = w - from;
        if (len == 0 || isArticle(out, from, len, hyphenated)) return from;
        return foldVowels(out, from, w);
    }

    /** al/el always; the sun-letter assimilations (ash-, ad-, …) only when hyphenated, since "as", "at", "an" are English. */
    private static boolean isArticle(char[] t, int from, int len, boolean hyphenated) {
        if (len < 2 || len > 3) return false;
        char a = t[from];
        if (a != 'a' && a != 'e') return false;
        char b = t[from + 1];
        if (len == 2 && b == 'l') return true;
        if (!hyphenated) return false;
        if (len == 2) return b == 'd' || b == 'r' || b == 's' || b == 't' || b == 'z' || b == 'n';
        char c = t[from + 2];
        return (b == 's' && c == 'h') || (b == 't' && c == 'h') || (b == 'd' && c == 'h') || (b == 'z' && c == 'h');
    }

    /**
     * Vowel spellings folded (ee→i, oo/ou→u, ei/ey/ai/ay→ai, e→a, o→u), "Abdul" made "abdal", doubled letters made
     * single and a final h after a vowel dropped, in place in one pass that writes behind where it reads. Returns
     * the new end.
     */
    private static int foldVowels(char[] t, int from, int len) {
        int w = from;
        int produced = 0; // letters before doubles are collapsed
        for (int r = from; r < len; r++) {
            char c = t[r];
            char next = r + 1 < len ? t[r + 1] : 0;
            char second = 0;
            if (c == 'e' && next == 'e') { c = 'i'; r++; }
            else if (c == 'o' && (next == 'o' || next == 'u')) { c = 'u'; r++; }
            else if ((c == 'e' || c == 'a') && (next == 'i' || next == 'y')) { c = 'a'; second = 'i'; r++; }
            else if (c == 'e') c = 'a';
            else if (c == 'o') c = 'u';
            w = putSingle(t, from, w, c);
            // Abdul/Abdel/Abdol X spell "Abd al-X" (five letters with no double among them)
            if (++produced == 5 && w - from == 5 && t[from] == 'a' && t[from + 1] == 'b' && t[from + 2] == 'd'
                    && t[from + 3] == 'u' && t[from + 4] == 'l') {
                t[from + 3] = 'a';
            }
            if (second != 0) {
                w = putSingle(t, from, w, second);
                produced++;
            }
        }
        if (w - from > 3 && t[w - 1] == 'h' && isVowel(t[w - 2])) w--;
        return w;
    }

    /** Writes c at w unless it doubles the letter before (from on); returns the next write position. */
    private static int putSingle(char[] t, int from, int w, char c) {
        if (w > from && t[w - 1] == c) return w;
        t[w] = c;
        return w + 1;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
