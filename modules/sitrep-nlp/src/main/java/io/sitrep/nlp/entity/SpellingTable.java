package io.sitrep.nlp.entity;

import io.sitrep.nlp.text.LongIntTable;
import io.sitrep.nlp.text.NameFolder;
import io.sitrep.nlp.text.NameTokens;
import java.util.function.ToIntFunction;

/**
 * Word spellings, as {@link NameTokens#packed packed} lower-case letters, mapped to the label their key is (or
 * {@link #NO_LABEL}), so that most words of a text are looked up without folding them. Every word of one to three
 * letters is folded at load, so a short word (most of a text's words: "the", "and", "in") is one array read; longer
 * words are found when they are spelled as in the dictionary, in an open-addressing table. A word the table does not
 * know ({@link #UNKNOWN}) must be folded. Filled at load, read only after.
 */
final class SpellingTable {
    static final int UNKNOWN = -2, NO_LABEL = -1;
    /** Words of up to three letters pack below this: {@code short[packed]} is their label + 2, or 0 when unknown. */
    private static final int SHORT_LIMIT = 1 << 15;

    private final int[] shortWords = new int[SHORT_LIMIT];
    /** Longer spellings: packed letters → label − {@link #NO_LABEL} (values are non-negative). */
    private final LongIntTable longWords = new LongIntTable(64);

    /** Folds every word of one to three letters; {@code labelOf} gives the label of a key, or {@link #NO_LABEL}. */
    SpellingTable(ToIntFunction<String> labelOf) {
        char[] word = new char[3];
        char[] key = new char[3];
        for (int length = 1; length <= 3; length++) fillShort(word, key, 0, length, 0, labelOf);
    }

    private void fillShort(char[] word, char[] key, int at, int length, long packed, ToIntFunction<String> labelOf) {
        if (at == length) {
            int end = NameFolder.foldAsciiToken(word, 0, length, false, key, 0);
            // an article ("al") folds to nothing and is never packed: it stays unknown
            if (end > 0) shortWords[(int) packed] = labelOf.applyAsInt(new String(key, 0, end)) + 2;
            return;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            word[at] = c;
            fillShort(word, key, at + 1, length, packed << 5 | NameTokens.letterCode(c), labelOf);
        }
    }

    /** Whether {@code packed} is a word of one to three letters, or 0 (no packed word): {@link #get} is one array read. */
    static boolean isShort(long packed) { return packed < SHORT_LIMIT; }

    /** Adds a longer spelling whose key is label {@code label} (or {@link #NO_LABEL}). */
    void add(long packed, int label) {
        if (packed >= SHORT_LIMIT) longWords.putIfAbsent(packed, label - NO_LABEL);
    }

    /** The label of the word with these packed letters; {@link #UNKNOWN} when it must be folded to tell. */
    int get(long packed) {
        if (packed < SHORT_LIMIT) return packed == 0 ? UNKNOWN : shortWords[(int) packed] - 2;
        int stored = longWords.get(packed, -1);
        return stored < 0 ? UNKNOWN : stored + NO_LABEL;
    }
}
