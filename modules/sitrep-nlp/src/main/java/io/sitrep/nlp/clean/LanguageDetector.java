package io.sitrep.nlp.clean;

import java.util.Locale;
import java.util.Set;

/**
 * Language of a text from character and function-word statistics, no model: Arabic script gives "ar" (or "fa"/"ckb"
 * when letters proper to Persian or Sorani Kurdish dominate), Latin script is told apart by common function words
 * (en, fr, tr, de, es; "en" when undecided). "und" when there is no letter. Looks at the first 4,000 characters.
 */
public final class LanguageDetector {
    private static final int SAMPLE = 4_000;
    private static final String[] CODES = {"en", "fr", "tr", "de", "es"};
    private static final Set<String>[] WORDS = words(
            "the of and to in is that for on with was said by as from has have are his its an at this which were",
            "le la les des du et est une dans pour que qui sur au aux par pas avec ont",
            "ve bir bu için ile da de olarak olan gibi çok daha ise ama",
            "der die das und ist nicht mit den von zu sich auf dem ein eine auch",
            "el los las del que por con una para como está fue sus pero");

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
            } else if (c < 0x250 && Character.isLetter(c)) {
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
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) i++;
            int s = i;
            while (i < n && Character.isLetter(text.charAt(i))) i++;
            if (i - s == 0 || i - s > 8) continue;
            String w = text.substring(s, i).toLowerCase(Locale.ROOT);
            for (int k = 0; k < CODES.length; k++) if (WORDS[k].contains(w)) hits[k]++;
        }
        int best = 0;
        for (int k = 1; k < CODES.length; k++) if (hits[k] > hits[best]) best = k;
        return hits[best] == 0 ? "en" : CODES[best];
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] words(String... lists) {
        Set<String>[] out = new Set[lists.length];
        for (int i = 0; i < lists.length; i++) out[i] = Set.of(lists[i].split(" "));
        return out;
    }
}
