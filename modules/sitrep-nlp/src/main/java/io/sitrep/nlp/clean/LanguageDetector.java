package io.sitrep.nlp.clean;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Language of a text from character and function-word statistics, no model: Arabic script gives "ar" (or "fa"/"ckb"
 * when letters proper to Persian or Sorani Kurdish dominate), Latin script is told apart by common function words
 * (en, fr, tr, de, es; "en" when undecided). "und" when there is no letter. Looks at the first 4,000 characters.
 */
public final class LanguageDetector {
    private static final int SAMPLE = 4_000;
    private static final int MAX_WORD = 8;
    private static final String[] CODES = {"en", "fr", "tr", "de", "es"};
    private static final Map<String, Integer> LANGUAGES_OF_WORD = languagesOfWord(
            "the of and to in is that for on with was said by as from has have are his its an at this which were",
            "le la les des du et est une dans pour que qui sur au aux par pas avec ont",
            "ve bir bu için ile da de olarak olan gibi çok daha ise ama",
            "der die das und ist nicht mit den von zu sich auf dem ein eine auch",
            "el los las del que por con una para como está fue sus pero");

    /** The ASCII function words packed ({@link #packedAscii}) in a hash table, and their languages: no String per word. */
    private static final int ASCII_TABLE_BITS = 8;
    private static final long[] ASCII_WORDS = new long[1 << ASCII_TABLE_BITS];
    private static final int[] ASCII_WORD_LANGUAGES = new int[1 << ASCII_TABLE_BITS];

    static {
        fillAsciiTable();
    }

    private LanguageDetector() {}

    public static String detect(String text) {
        if (text == null || text.isEmpty()) return "und";
        int n = Math.min(text.length(), SAMPLE);
        int arabic = 0, persian = 0, sorani = 0, latin = 0;
        // one pass: letters by script, and the function words among the words (runs of letters) as they end
        int[] hits = new int[CODES.length];
        char[] buffer = new char[MAX_WORD];
        int wordStart = -1;
        long packed = 0; // the word so far as packedAscii gives it, while it is all ASCII
        boolean ascii = true;
        char[] chars = new char[n];
        text.getChars(0, n, chars, 0);
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                int lower = c | 0x20;
                if (lower >= 'a' && lower <= 'z') {
                    latin++;
                    if (wordStart < 0) { wordStart = i; packed = 0; ascii = true; }
                    packed = packed << 5 | (lower - 'a' + 1);
                    continue;
                }
            } else if (Character.isLetter(c)) {
                if (c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0xFB50 && c <= 0xFEFF) {
                    arabic++;
                    if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی' || c == 'ک') persian++;
                    if (c == 'ێ' || c == 'ڵ' || c == 'ڕ' || c == 'ۆ' || c == 'ە' || c == 'ڤ') sorani++;
                } else if (c < 0x250) {
                    latin++;
                }
                if (wordStart < 0) wordStart = i;
                ascii = false;
                continue;
            }
            if (wordStart >= 0) countWord(text, wordStart, i, ascii ? packed : -1, buffer, hits);
            wordStart = -1;
        }
        if (wordStart >= 0) countWord(text, wordStart, n, ascii ? packed : -1, buffer, hits);
        if (arabic == 0 && latin == 0) return "und";
        if (arabic >= latin) {
            if (sorani * 40 > arabic) return "ckb";
            if (persian * 20 > arabic) return "fa";
            return "ar";
        }
        int best = 0;
        for (int k = 1; k < CODES.length; k++) if (hits[k] > hits[best]) best = k;
        return hits[best] == 0 ? "en" : CODES[best];
    }

    /** Counts word text[s, e) for the languages whose function word it is; {@code packed} is -1 unless it is ASCII. */
    private static void countWord(String text, int s, int e, long packed, char[] buffer, int[] hits) {
        if (e - s > MAX_WORD) return;
        int languages = packed >= 0 ? asciiLanguages(packed) : languagesOf(text, s, e, buffer);
        for (int k = 0; k < CODES.length; k++) if ((languages & (1 << k)) != 0) hits[k]++;
    }

    private static int asciiLanguages(long packed) {
        for (int slot = slot(packed); ; slot = (slot + 1) & (ASCII_WORDS.length - 1)) {
            long k = ASCII_WORDS[slot];
            if (k == packed) return ASCII_WORD_LANGUAGES[slot];
            if (k == 0) return 0;
        }
    }

    private static int slot(long packed) { return (int) ((packed * 0x9E3779B97F4A7C15L) >>> (64 - ASCII_TABLE_BITS)); }

    /**
     * The languages of a word with a non-ASCII letter, lower-cased char by char, which equals String lower-casing
     * here: 'İ' (two chars in lower case) and a final sigma cannot be part of a function word, whose letters are
     * all Latin (below U+0250).
     */
    private static int languagesOf(String text, int s, int e, char[] buffer) {
        int len = e - s;
        for (int k = 0; k < len; k++) {
            char c = text.charAt(s + k);
            if (c == '\u0130') return 0;
            char lower = Character.toLowerCase(c);
            if (lower >= 0x250) return 0;
            buffer[k] = lower;
        }
        Integer languages = LANGUAGES_OF_WORD.get(new String(buffer, 0, len));
        return languages == null ? 0 : languages;
    }

    /** A word of ASCII letters as a number, five bits a letter in lower case; -1 when another char is in it. */
    private static long packedAscii(CharSequence word, int s, int e) {
        long key = 0;
        for (int k = s; k < e; k++) {
            int c = word.charAt(k) | 0x20;
            if (c < 'a' || c > 'z') return -1;
            key = key << 5 | (c - 'a' + 1);
        }
        return key;
    }

    private static Map<String, Integer> languagesOfWord(String... lists) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < lists.length; i++) {
            for (String w : lists[i].split(" ")) {
                if (w.length() > MAX_WORD || !w.equals(w.toLowerCase(Locale.ROOT)) || w.chars().anyMatch(c -> c >= 0x250)) {
                    throw new IllegalStateException("bad function word " + w);
                }
                out.merge(w, 1 << i, (a, b) -> a | b);
            }
        }
        return out;
    }

    /** Fills the open-addressing table of packed ASCII function words (0: empty slot; a packed word is never 0). */
    private static void fillAsciiTable() {
        for (Map.Entry<String, Integer> e : LANGUAGES_OF_WORD.entrySet()) {
            long packed = packedAscii(e.getKey(), 0, e.getKey().length());
            if (packed < 0) continue;
            int slot = slot(packed);
            while (ASCII_WORDS[slot] != 0) slot = (slot + 1) & (ASCII_WORDS.length - 1);
            ASCII_WORDS[slot] = packed;
            ASCII_WORD_LANGUAGES[slot] = e.getValue();
        }
    }
}
