package io.sitrep.nlp.clean;

import java.util.Locale;
import java.util.Arrays;
import java.util.HashMap;
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

    /** The ASCII function words packed ({@link #packedAscii}), sorted, and their languages: looked up without a String. */
    private static final long[] ASCII_WORDS = asciiWords();
    private static final int[] ASCII_WORD_LANGUAGES = asciiWordLanguages();

    private LanguageDetector() {}

    public static String detect(String text) {
        if (text == null || text.isEmpty()) return "und";
        int n = Math.min(text.length(), SAMPLE);
        int arabic = 0, persian = 0, sorani = 0, latin = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0xFB50 && c <= 0xFEFF) {
                if (!Character.isLetter(c)) continue;
                arabic++;
                if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی' || c == 'ک') persian++;
                if (c == 'ێ' || c == 'ڵ' || c == 'ڕ' || c == 'ۆ' || c == 'ە' || c == 'ڤ') sorani++;
            } else if (c < 0x250 && isLetter(c)) {
                latin++;
            }
        }
        if (arabic == 0 && latin == 0) return "und";
        if (arabic >= latin) {
            if (sorani * 40 > arabic) return "ckb";
            if (persian * 20 > arabic) return "fa";
            return "ar";
        }
        return latinLanguage(text, n);
    }

    private static String latinLanguage(String text, int n) {
        int[] hits = new int[CODES.length];
        char[] word = new char[MAX_WORD];
        int i = 0;
        while (i < n) {
            while (i < n && !isLetter(text.charAt(i))) i++;
            int s = i;
            while (i < n && isLetter(text.charAt(i))) i++;
            if (i - s == 0 || i - s > MAX_WORD) continue;
            int languages = languagesOf(text, s, i, word);
            for (int k = 0; k < CODES.length; k++) if ((languages & (1 << k)) != 0) hits[k]++;
        }
        int best = 0;
        for (int k = 1; k < CODES.length; k++) if (hits[k] > hits[best]) best = k;
        return hits[best] == 0 ? "en" : CODES[best];
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** The languages (bits by index in {@link #CODES}) whose function words hold the word text[s, e) in lower case. */
    private static int languagesOf(String text, int s, int e, char[] buffer) {
        long packed = packedAscii(text, s, e);
        if (packed >= 0) {
            int at = Arrays.binarySearch(ASCII_WORDS, packed);
            return at < 0 ? 0 : ASCII_WORD_LANGUAGES[at];
        }
        // lower-cased char by char, which equals String lower-casing here: 'İ' (two chars in lower case) and a
        // final sigma cannot be part of a function word
        int len = e - s;
        for (int k = 0; k < len; k++) {
            char c = text.charAt(s + k);
            if (c == '\u0130') return 0;
            buffer[k] = Character.toLowerCase(c);
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
                if (w.length() > MAX_WORD || !w.equals(w.toLowerCase(Locale.ROOT))) throw new IllegalStateException("bad function word " + w);
                out.merge(w, 1 << i, (a, b) -> a | b);
            }
        }
        return out;
    }

    private static long[] asciiWords() {
        return LANGUAGES_OF_WORD.keySet().stream().mapToLong(w -> packedAscii(w, 0, w.length())).filter(k -> k >= 0).sorted().toArray();
    }

    private static int[] asciiWordLanguages() {
        int[] out = new int[ASCII_WORDS.length];
        for (Map.Entry<String, Integer> e : LANGUAGES_OF_WORD.entrySet()) {
            int at = Arrays.binarySearch(ASCII_WORDS, packedAscii(e.getKey(), 0, e.getKey().length()));
            if (at >= 0) out[at] = e.getValue();
        }
        return out;
    }
}
