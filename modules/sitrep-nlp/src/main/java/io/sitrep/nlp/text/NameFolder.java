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
        StringBuilder out = new StringBuilder(n);
        StringBuilder token = new StringBuilder(24);
        boolean previousWasAbd = false;
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(name.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !isSeparator(name.charAt(i))) i++;
            boolean hyphenated = i < n && isHyphen(name.charAt(i));
            token.setLength(0);
            foldTokenInto(name, start, i, hyphenated, token);
            if (token.length() == 0) {
                // an article: it vanishes, except in "Abd al-X", which spells the same name as "Abdel X"/"Abdul X"
                if (previousWasAbd && isArticleSpan(name, start, i)) out.append("al");
                previousWasAbd = false;
                continue;
            }
            previousWasAbd = token.length() == 3 && token.charAt(0) == 'a' && token.charAt(1) == 'b' && token.charAt(2) == 'd';
            out.append(token);
        }
        return out.toString();
    }

    /**
     * The key of one word (no separators inside), empty for an article. {@code hyphenated} says whether the word
     * was followed by a hyphen in the text, which is what makes "as-Sabah" an article but "as" in English a word.
     */
    public static String foldToken(CharSequence text, int start, int end, boolean hyphenated) {
        StringBuilder token = new StringBuilder(end - start + 2);
        foldTokenInto(text, start, end, hyphenated, token);
        return token.toString();
    }

    /** True for the characters that separate words of a name: anything that is not a letter, digit or apostrophe. */
    public static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && !isApostrophe(c) && !isArabicMark(c);
    }

    public static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013';
    }

    private static void foldTokenInto(CharSequence text, int start, int end, boolean hyphenated, StringBuilder out) {
        boolean arabic = false;
        boolean needsDecomposition = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') out.append((char) (c + 32));
                else if (!isApostrophe(c)) out.append(c);
            } else if (c >= 0x0600 && c <= 0x06FF) {
                arabic = true;
                char f = foldArabic(c);
                if (f != 0) out.append(f);
            } else if (isApostrophe(c)) {
                // ʿayn, hamza and quote marks carry no matching value in transliteration
            } else {
                char special = foldSpecialLatin(c);
                if (special != 0) out.append(special);
                else {
                    out.append(Character.toLowerCase(c));
                    needsDecomposition = true;
                }
            }
        }
        if (needsDecomposition) stripMarks(out);
        if (out.length() == 0) return;
        if (arabic) {
            // the Arabic article is written glued: الأنبار = انبار
            if (out.length() > 3 && out.charAt(0) == '\u0627' && out.charAt(1) == '\u0644') out.delete(0, 2);
            collapseDoubles(out);
            return;
        }
        if (isArticle(out, hyphenated)) {
            out.setLength(0);
            return;
        }
        foldVowels(out);
    }

    private static boolean isArticleSpan(CharSequence text, int start, int end) {
        StringBuilder b = new StringBuilder(end - start);
        for (int k = start; k < end; k++) b.append(Character.toLowerCase(text.charAt(k)));
        return isArticle(b, true);
    }

    /** al/el always; the sun-letter assimilations (ash-, ad-, …) only when hyphenated, since "as", "at", "an" are English. */
    private static boolean isArticle(CharSequence t, boolean hyphenated) {
        int len = t.length();
        if (len < 2 || len > 3) return false;
        char a = t.charAt(0);
        if (a != 'a' && a != 'e') return false;
        char b = t.charAt(1);
        if (len == 2 && b == 'l') return true;
        if (!hyphenated) return false;
        if (len == 2) return b == 'd' || b == 'r' || b == 's' || b == 't' || b == 'z' || b == 'n';
        char c = t.charAt(2);
        return (b == 's' && c == 'h') || (b == 't' && c == 'h') || (b == 'd' && c == 'h') || (b == 'z' && c == 'h');
    }

    /** Vowel and orthographic variants of Latin transliteration, applied in place. */
    private static void foldVowels(StringBuilder t) {
        int w = 0;
        int len = t.length();
        for (int r = 0; r < len; r++) {
            char c = t.charAt(r);
            char next = r + 1 < len ? t.charAt(r + 1) : 0;
            if (c == 'e' && next == 'e') { t.setCharAt(w++, 'i'); r++; continue; }
            if (c == 'o' && (next == 'o' || next == 'u')) { t.setCharAt(w++, 'u'); r++; continue; }
            if ((c == 'e' || c == 'a') && (next == 'i' || next == 'y')) {
                t.setCharAt(w++, 'a');
                t.setCharAt(w++, 'i');
                r++;
                continue;
            }
            if (c == 'e') c = 'a';
            else if (c == 'o') c = 'u';
            t.setCharAt(w++, c);
        }
        t.setLength(w);
        // Abdul/Abdel/Abdol X spell "Abd al-X"
        if (t.length() >= 5 && t.charAt(0) == 'a' && t.charAt(1) == 'b' && t.charAt(2) == 'd' && t.charAt(3) == 'u'
                && t.charAt(4) == 'l') {
            t.setCharAt(3, 'a');
        }
        collapseDoubles(t);
        int l = t.length();
        if (l > 3 && t.charAt(l - 1) == 'h' && isVowel(t.charAt(l - 2))) t.setLength(l - 1);
    }

    private static void collapseDoubles(StringBuilder t) {
        int w = 0;
        for (int r = 0; r < t.length(); r++) {
            char c = t.charAt(r);
            if (w > 0 && t.charAt(w - 1) == c) continue;
            t.setCharAt(w++, c);
        }
        t.setLength(w);
    }

    private static void stripMarks(StringBuilder t) {
        String decomposed = Normalizer.normalize(t, Normalizer.Form.NFKD);
        t.setLength(0);
        for (int k = 0; k < decomposed.length(); k++) {
            char c = decomposed.charAt(k);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || isApostrophe(c)) continue;
            char special = foldSpecialLatin(c);
            t.append(special != 0 ? special : Character.toLowerCase(c));
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
