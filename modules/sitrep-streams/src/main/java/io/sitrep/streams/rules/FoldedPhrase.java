package io.sitrep.streams.rules;

import java.util.List;

/**
 * A keyword or name to find in folded text. Keys are compared glued, so word boundaries that spellings move
 * ("Al-Hasakah" / "Alhasakah") do not matter; a final {@code *} lets the last word have any ending.
 */
record FoldedPhrase(String written, String key, boolean prefix) {

    /** Letters a phrase's key needs at least, so that "al" or "is" cannot match half the corpus. */
    static final int MIN_KEY_LENGTH = 3;

    static FoldedPhrase of(String written) {
        String w = written.strip();
        boolean prefix = w.endsWith("*");
        if (prefix) w = w.substring(0, w.length() - 1);
        return new FoldedPhrase(written.strip(), FoldedText.of(w).glued(), prefix);
    }

    /** Whether the phrase occurs in the text, starting at a word and (unless a prefix) ending at one. */
    boolean occursIn(FoldedText text) {
        if (key.isEmpty()) return false;
        List<String> keys = text.keys();
        StringBuilder glued = new StringBuilder(key.length() + 16);
        for (int i = 0; i < keys.size(); i++) {
            if (!key.startsWith(keys.get(i)) && !(prefix && keys.get(i).startsWith(key))) continue;
            glued.setLength(0);
            for (int j = i; j < keys.size() && glued.length() < key.length(); j++) glued.append(keys.get(j));
            if (prefix ? glued.indexOf(key) == 0 : glued.length() == key.length() && glued.toString().equals(key)) return true;
        }
        return false;
    }

    /** Whether the whole of the text is this phrase (a name compared with a name). */
    boolean isWhole(FoldedText text) {
        String g = text.glued();
        return prefix ? g.startsWith(key) : g.equals(key);
    }
}
