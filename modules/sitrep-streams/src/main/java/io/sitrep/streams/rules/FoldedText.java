package io.sitrep.streams.rules;

import io.sitrep.nlp.text.NameFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as a list of folded word keys ({@link NameFolder}), so that "Ain al Asad", "Ayn al-Asad" and "AYN AL-ASAD"
 * meet. Articles vanish: hyphenated ones in the folder, stand-alone "al"/"el" here, because writers drop the hyphen.
 */
final class FoldedText {
    private final List<String> keys;

    private FoldedText(List<String> keys) {
        this.keys = keys;
    }

    static FoldedText of(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null) return new FoldedText(keys);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && NameFolder.isSeparator(text.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !NameFolder.isSeparator(text.charAt(i))) i++;
            boolean hyphenated = i < n && NameFolder.isHyphen(text.charAt(i));
            String key = NameFolder.foldToken(text, start, i, hyphenated);
            if (!key.isEmpty() && !key.equals("al") && !key.equals("el")) keys.add(key);
        }
        return new FoldedText(keys);
    }

    List<String> keys() { return keys; }

    boolean isEmpty() { return keys.isEmpty(); }

    /** The keys glued together: the whole text's matching key. */
    String glued() {
        return String.join("", keys);
    }
}
