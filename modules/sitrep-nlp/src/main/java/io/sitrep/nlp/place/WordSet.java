package io.sitrep.nlp.place;

import java.util.List;

/**
 * A fixed set of words (open addressing) that a char range of a text can be looked up in without making a String
 * of it. A word's index is its position in the list it was made from. Immutable: safe to share between threads.
 */
final class WordSet {
    /** {@link #indexOfLowerCase} of a range with a non-ASCII char, which String.toLowerCase must decide. */
    static final int NOT_ASCII = -2;

    private final String[] slots;
    private final int[] indexes;
    private final int mask;

    WordSet(List<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 3)) * 2;
        slots = new String[capacity];
        indexes = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int s = slot(w.hashCode());
            while (slots[s] != null && !slots[s].equals(w)) s = (s + 1) & mask;
            if (slots[s] == null) {
                slots[s] = w;
                indexes[s] = i;
            }
        }
    }

    /** The word's index, or -1. */
    int indexOf(String word) {
        for (int s = slot(word.hashCode()); slots[s] != null; s = (s + 1) & mask) {
            if (slots[s].equals(word)) return indexes[s];
        }
        return -1;
    }

    /**
     * The index of chars [from, to) in lower case (as String.toLowerCase(Locale.ROOT) makes it), or -1; {@link
     * #NOT_ASCII} when a char is not ASCII, as lower-casing those is left to String.
     */
    int indexOfLowerCase(char[] chars, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            char c = chars[k];
            if (c >= 0x80) return NOT_ASCII;
            h = 31 * h + lower(c);
        }
        for (int s = slot(h); slots[s] != null; s = (s + 1) & mask) {
            if (equalLowerCase(slots[s], chars, from, to)) return indexes[s];
        }
        return -1;
    }

    private static boolean equalLowerCase(String word, char[] chars, int from, int to) {
        if (word.length() != to - from) return false;
        for (int k = from; k < to; k++) {
            if (word.charAt(k - from) != lower(chars[k])) return false;
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
