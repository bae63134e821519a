package io.sitrep.streams.alerts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SimHash for near-duplicate texts and content-word sets for story similarity. */
public final class TextFingerprints {
    private static final Set<String> STOP = Set.of(
            "about", "after", "also", "amid", "among", "been", "before", "being", "between", "both", "could", "does",
            "during", "each", "from", "have", "having", "into", "it's", "more", "most", "other", "over", "said",
            "says", "should", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
            "this", "those", "through", "under", "until", "upon", "very", "were", "what", "when", "where", "which",
            "while", "will", "with", "within", "without", "would", "your", "according", "added", "told", "news");

    private TextFingerprints() {}

    static List<String> words(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) w.append(c);
            else if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            else if (w.length() > 0) { out.add(w.toString()); w.setLength(0); }
        }
        if (w.length() > 0) out.add(w.toString());
        return out;
    }

    /** Content words: four letters or more, not a stop word. */
    public static Set<String> keywords(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (w.length() >= 4 && !STOP.contains(w)) out.add(w.length() > 6 ? w.substring(0, 6) : w);
        }
        return out;
    }

    /** 64-bit SimHash over word trigrams. */
    public static long simhash(String text) {
        List<String> w = words(text);
        int[] v = new int[64];
        int n = Math.max(1, w.size() - 2);
        for (int i = 0; i < n; i++) {
            String shingle = w.isEmpty() ? "" : String.join(" ", w.subList(i, Math.min(w.size(), i + 3)));
            long h = fnv1a64(shingle);
            for (int b = 0; b < 64; b++) v[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
        }
        long out = 0;
        for (int b = 0; b < 64; b++) if (v[b] > 0) out |= 1L << b;
        return out;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int inter = 0;
        for (String x : a) if (b.contains(x)) inter++;
        return (double) inter / (a.size() + b.size() - inter);
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // final avalanche so nearby strings spread over all bits
        h ^= h >>> 33; h *= 0xff51afd7ed558ccdL; h ^= h >>> 33;
        return h;
    }
}
