package io.sitrep.nlp.text;

import java.text.Normalizer;

/**
 * Folds a name to a matching key so that transliteration variants of one Arabic, Kurdish or Turkish name meet:
 * {@code fold("Thabet Mohammad Al-Abbasi").equals(fold("Thabet Mohammed Al-Abbasi"))},
 * {@code fold("Ayn al-Asad").equals(fold("Ain al-Asad"))}, {@code fold("Türkiye").equals(fold("Turkiye"))}.
 *
 * <p>The key is not meant to be read: lower case, no diacritics, no apostrophes or ʿayn marks, Arabic articles
 * (al-, el-, and the sun-letter forms ash-, ad-, ar-, as-, at-, az-, an-, … when hyphenated) dropped, tokens
 * glued together without separator, and vowel spellings folded (ee→i, oo/ou→u, ei/ey/ay→ai, e→a, o→u, double
 * letters single, a final h after a vowel dropped, Abdel/Abdul/Abd al- → abdal). Arabic script is folded by
 * letter (alef forms → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; harakat and tatweel removed; a glued ال dropped).
 *
 * <p>{@link #fold} of a multi-word name equals the concatenation of {@link #foldToken} over its words, except that
 * an article after "Abd" becomes "al", so a matcher may fold each text token once and glue keys of n-grams.
 * Deterministic, allocation-light, no regular expressions. Thread-safe (stateless).
 */
public final class NameFolder {
    private NameFolder() {}

    /** The matching key of a whole name (several words allowed); empty when it holds no letter or digit. */
    public static String fold(CharSequence name) {
        if (name == null) return "";
        int n = name.length();
        char[] text = name.toString().toCharArray();
        Chars out = new Chars(n + 2);
        boolean previousWasAbd = false;
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(text[i])) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !isSeparator(text[i])) i++;
            boolean hyphenated = i < n && isHyphen(text[i]);
            int from = out.length;
            foldTokenInto(text, start, i, hyphenated, out);
            if (out.length == from) {
                // an article: it vanishes, except in "Abd al-X", which spells the same name as "Abdel X"/"Abdul X"
                if (previousWasAbd && isArticleSpan(name, start, i)) out.append('a', 'l');
                previousWasAbd = false;
                continue;
            }
            previousWasAbd = out.is(from, 'a', 'b', 'd');
        }
        return out.toString();
    }

    /**
     * The key of one word (no separators inside), empty for an article. {@code hyphenated} says whether the word
     * was followed by a hyphen in the text, which is what makes "as-Sabah" an article but "as" in English a word.
     */
    public static String foldToken(CharSequence text, int start, int end, boolean hyphenated) {
        Chars token = new Chars(end - start + 2);
        char[] word = new char[end - start];
        boolean plain = true; // ASCII letters and digits only
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            word[k - start] = c;
            plain &= c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
        }
        if (plain && !isAsciiArticle(word, 0, word.length, hyphenated)) foldPlainAsciiInto(word, 0, word.length, token);
        else foldTokenInto(word, 0, word.length, hyphenated, token);
        return token.toString();
    }

    /**
     * {@link #foldToken} of a word of ASCII characters, written into {@code out} from {@code at} instead of a new
     * String, for tokenizers that fold many words per text. {@code out} needs room for {@code end - start} chars
     * from {@code at} (a key is never longer than its ASCII word). Returns where the key ends ({@code at} for an
     * article), or -1, writing nothing that matters, when the word holds a char that is not ASCII.
     */
    public static int foldAsciiToken(char[] text, int start, int end, boolean hyphenated, char[] out, int at) {
        int w = at;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c >= 0x80) return -1;
            char f = ASCII_FOLD[c];
            if (f != DROPPED) out[w++] = f;
        }
        int len = w - at;
        if (len == 0 || isArticle(out, at, len, hyphenated)) return at;
        return foldVowels(out, at, w);
    }

    /** True for the characters that separate words of a name: anything that is not a letter, digit or apostrophe. */
    public static boolean isSeparator(char c) {
        if (c < 128) return ASCII_SEPARATOR[c];
        // General Punctuation (quotes, dashes, spaces) has no letter or digit: all but the quote apostrophes separate
        if (c >= '\u2000' && c <= '\u206F') return c != '\u2018' && c != '\u2019';
        return !Character.isLetterOrDigit(c) && !isApostrophe(c) && !isArabicMark(c);
    }

    public static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013';
    }

    private static final boolean[] ASCII_SEPARATOR = new boolean[128];
    /** ASCII chars as a key holds them: lower case, apostrophes {@link #DROPPED}. */
    private static final char[] ASCII_FOLD = new char[128];
    private static final char DROPPED = '\uFFFF';

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_SEPARATOR[c] = !Character.isLetterOrDigit(c) && !isApostrophe(c);
            ASCII_FOLD[c] = isApostrophe(c) ? DROPPED : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
    }

    /**
     * A growable char buffer that keys are folded into, so that a tokenizer can fold every word of a text into one
     * array without a String per word. A token's key is the range [length before, length after) of a fold.
     */
    static final class Chars {
        char[] a;
        int length;

        Chars(int capacity) { a = new char[Math.max(capacity, 8)]; }

        void ensure(int extra) {
            if (length + extra > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, length + extra));
        }

        void append(char c) {
            ensure(1);
            a[length++] = c;
        }

        void append(char c, char d) {
            append(c);
            append(d);
        }

        /** Whether the chars from {@code from} to the end are exactly a, b, c. */
        boolean is(int from, char x, char y, char z) {
            return length - from == 3 && a[from] == x && a[from + 1] == y && a[from + 2] == z;
        }

        @Override public String toString() { return new String(a, 0, length); }
    }

    /** Folds word [start, end) of {@code text} onto the end of {@code out}; appends nothing for an article. */
    static void foldTokenInto(char[] text, int start, int end, boolean hyphenated, Chars out) {
        int from = out.length;
        out.ensure(end - start);
        char[] t = out.a;
        int w = from;
        boolean arabic = false;
        boolean needsDecomposition = false;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c < 0x80) {
                char f = ASCII_FOLD[c];
                if (f != DROPPED) t[w++] = f;
            } else if (c >= 0x0600 && c <= 0x06FF) {
                arabic = true;
                char f = foldArabic(c);
                if (f != 0) t[w++] = f;
            } else if (isApostrophe(c)) {
                // ʿayn, hamza and quote marks carry no matching value in transliteration
            } else {
                char special = foldSpecialLatin(c);
                if (special != 0) t[w++] = special;
                else {
                    t[w++] = Character.toLowerCase(c);
                    needsDecomposition = true;
                }
            }
        }
        out.length = w;
        if (needsDecomposition) stripMarks(out, from);
        int len = out.length - from;
        if (len == 0) return;
        t = out.a;
        if (arabic) {
            // the Arabic article is written glued: الأنبار = انبار
            if (len > 3 && t[from] == '\u0627' && t[from + 1] == '\u0644') {
                System.arraycopy(t, from + 2, t, from, len - 2);
                out.length -= 2;
            }
            collapseDoubles(out, from);
            return;
        }
        if (isArticle(t, from, len, hyphenated)) {
            out.length = from;
            return;
        }
        foldVowels(out, from);
    }

    /**
     * {@link #foldTokenInto} of a word of ASCII letters and digits only that is no article (see
     * {@link #isAsciiArticle}): {@link #foldAsciiToken} into the buffer.
     */
    static void foldPlainAsciiInto(char[] text, int start, int end, Chars out) {
        out.ensure(end - start); // folding never lengthens a word
        // not an article with a hyphen after it, so not one without (the stricter test) either
        out.length = foldAsciiToken(text, start, end, false, out.a, out.length);
    }

    private static boolean isArticleSpan(CharSequence text, int start, int end) {
        char[] b = new char[end - start];
        for (int k = start; k < end; k++) b[k - start] = Character.toLowerCase(text.charAt(k));
        return isArticle(b, 0, b.length, true);
    }

    /** al/el always; the sun-letter assimilations (ash-, ad-, …) only when hyphenated, since "as", "at", "an" are English. */
    private static boolean isArticle(char[] t, int from, int len, boolean hyphenated) {
        if (len < 2 || len > 3) return false;
        return isArticle(t[from], t[from + 1], len == 3 ? t[from + 2] : 0, hyphenated);
    }

    /** {@link #isArticle} of the two or three lower-case letters a, b (, c), with c = 0 for two. */
    private static boolean isArticle(char a, char b, char c, boolean hyphenated) {
        if (a != 'a' && a != 'e') return false;
        if (c == 0 && b == 'l') return true;
        if (!hyphenated) return false;
        if (c == 0) return b == 'd' || b == 'r' || b == 's' || b == 't' || b == 'z' || b == 'n';
        return (b == 's' && c == 'h') || (b == 't' && c == 'h') || (b == 'd' && c == 'h') || (b == 'z' && c == 'h');
    }

    /**
     * Whether a word of ASCII letters and digits only (no apostrophe) folds to nothing, told without folding it:
     * such a word folds to nothing exactly when it is an article.
     */
    static boolean isAsciiArticle(char[] text, int start, int end, boolean hyphenated) {
        int len = end - start;
        if (len < 2 || len > 3) return false;
        return isArticle(ASCII_FOLD[text[start]], ASCII_FOLD[text[start + 1]], len == 3 ? ASCII_FOLD[text[start + 2]] : 0,
                hyphenated);
    }

    /**
     * Vowel and orthographic variants of Latin transliteration, applied in place to the chars from {@code from}:
     * vowel spellings folded, "Abdul" made "abdal", doubled letters made single and a final h after a vowel
     * dropped, in one pass that writes behind where it reads.
     */
    private static void foldVowels(Chars out, int from) {
        out.length = foldVowels(out.a, from, out.length);
    }

    /** {@link #foldVowels(Chars, int)} of t[from, end); returns the new end. */
    private static int foldVowels(char[] t, int from, int end) {
        int w = from;
        int produced = 0; // letters before doubles are collapsed
        for (int r = from; r < end; r++) {
            char c = t[r];
            char next = r + 1 < end ? t[r + 1] : 0;
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
        return w - from > 3 && t[w - 1] == 'h' && isVowel(t[w - 2]) ? w - 1 : w;
    }

    /** Writes c at w unless it doubles the letter before (from on); returns the next write position. */
    private static int putSingle(char[] t, int from, int w, char c) {
        if (w > from && t[w - 1] == c) return w;
        t[w] = c;
        return w + 1;
    }

    private static void collapseDoubles(Chars out, int from) {
        char[] t = out.a;
        int w = from;
        for (int r = from; r < out.length; r++) {
            char c = t[r];
            if (w > from && t[w - 1] == c) continue;
            t[w++] = c;
        }
        out.length = w;
    }

    private static void stripMarks(Chars out, int from) {
        String decomposed = Normalizer.normalize(new String(out.a, from, out.length - from), Normalizer.Form.NFKD);
        out.length = from;
        for (int k = 0; k < decomposed.length(); k++) {
            char c = decomposed.charAt(k);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || isApostrophe(c)) continue;
            char special = foldSpecialLatin(c);
            out.append(special != 0 ? special : Character.toLowerCase(c));
        }
    }

    /** Letters NFKD does not decompose. Returns 0 when the letter is not special. */
    private static char foldSpecialLatin(char c) {
        return switch (c) {
            case 'ı', 'İ' -> 'i';
            case 'ł', 'Ł' -> 'l';
            case 'ø', 'Ø' -> 'o';
            case 'đ', 'Đ' -> 'd';
            case 'ħ', 'Ħ' -> 'h';
            default -> 0;
        };
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '`' || c == '\u2018' || c == '\u2019' || c == '\u02BF' || c == '\u02BE'
                || c == '\u02BC' || c == '\u00B4';
    }

    /** Harakat, superscript alef and tatweel: part of a word, folded away. */
    private static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    /** Arabic letter folding; 0 drops the character. */
    private static char foldArabic(char c) {
        if (isArabicMark(c)) return 0;
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ → ا
            case '\u0649', '\u0626' -> '\u064A';                    // ى ئ → ي
            case '\u0629' -> '\u0647';                               // ة → ه
            case '\u0624' -> '\u0648';                               // ؤ → و
            case '\u0621' -> 0;                                      // lone hamza
            case '\u06CC' -> '\u064A';                               // Persian yeh
            case '\u06A9' -> '\u0643';                               // Persian keheh
            default -> Character.isLetterOrDigit(c) ? c : 0;
        };
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
