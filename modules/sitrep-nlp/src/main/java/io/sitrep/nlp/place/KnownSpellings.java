package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the gazetteer's files spell names with ("Iraq", "Syria", "Anbar", "Ayn", "al", "Iraqi", …), each with
 * its folded key, the trie node that key leads to from the root, and whether it is one of the English words: a text
 * word spelt so (case aside) is looked up once by its letters instead of being folded and walked through the trie.
 * Other words are folded as before. All of it is computed while loading, with {@link NameFolder} itself.
 *
 * <p>A word is known by its letters packed in a long ({@link #pack}): ASCII letters only, at most 12, five bits a
 * letter whatever its case, so a text word and a known spelling are equal exactly when their longs are. Only words
 * whose key does not depend on their case or on a hyphen after them are kept. Immutable: safe to share.
 */
final class KnownSpellings {
    /** {@link #find}'s answer for a word not known. */
    static final int UNKNOWN = -1;
    /** {@link #pack}'s answer for a word that is not 1 to {@link #MAX_LETTERS} ASCII letters. */
    static final long NOT_PACKED = 0;
    static final int MAX_LETTERS = 12;

    /**
     * Open addressing, two longs a slot: the packed word (NOT_PACKED, 0, is an empty slot, as no word packs to 0)
     * and what is known of it ({@link #info}), side by side so that a hit reads no other array. A word's id is its
     * slot.
     */
    private final long[] table;
    private final int mask;
    private final int shift;
    /** All the keys, one after the other: a word's is keyChars[keyStart(id), keyEnd(id)). */
    private final char[] keyChars;
    /** By slot: NameTrie.hashOf the word's key; whether the word is one of the English words. */
    private final long[] keyHash;
    private final boolean[] englishWord;
    /** Bounds of an info: its key's start and length must fit their bits, or the word is left unknown (folded). */
    private static final int MAX_KEY_START = (1 << 24) - 1;
    private static final int MAX_KEY_LENGTH = (1 << 7) - 1;

    KnownSpellings(Collection<String> words, NameTrie<?> names, WordSet englishWords) {
        Map<Long, String> keys = new LinkedHashMap<>(); // by packed lower-case word
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            long packed = pack(lower.toCharArray(), 0, lower.length());
            if (packed == NOT_PACKED || keys.containsKey(packed)) continue;
            String key = keyOf(lower);
            if (key != null) keys.put(packed, key);
        }
        int n = keys.size();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2)) * 2; // at most half full: small, in cache
        table = new long[2 * capacity];
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        keyChars = String.join("", keys.values()).toCharArray();
        keyHash = new long[capacity];
        englishWord = new boolean[capacity];
        int keyStart = 0;
        for (Map.Entry<Long, String> k : keys.entrySet()) {
            long packed = k.getKey();
            String key = k.getValue();
            int at = keyStart;
            keyStart += key.length();
            if (at > MAX_KEY_START || key.length() > MAX_KEY_LENGTH) continue;
            int s = emptySlot(packed);
            int rootNode = key.isEmpty() ? NameTrie.ROOT : names.walk(NameTrie.ROOT, key);
            table[2 * s] = packed;
            table[2 * s + 1] = (long) key.length() << 56 | (long) at << 32 | rootNode & 0xFFFFFFFFL;
            keyHash[s] = NameTrie.hashOf(keyChars, at, at + key.length());
            englishWord[s] = englishWords.indexOf(unpack(packed)) >= 0;
        }
    }

    /**
     * The key of a lower-case word, when the same for its capitalised and upper-case spellings and whether or not a
     * hyphen follows it (only some articles' keys depend on that); else null.
     */
    private static String keyOf(String lower) {
        String key = NameFolder.foldToken(lower, 0, lower.length(), false);
        String capitalised = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        for (String spelling : new String[] {lower, capitalised, lower.toUpperCase(Locale.ROOT)}) {
            for (boolean hyphenated : new boolean[] {false, true}) {
                if (!NameFolder.foldToken(spelling, 0, spelling.length(), hyphenated).equals(key)) return null;
            }
        }
        return key;
    }

    /** chars [start, end) packed five bits a letter (A and a are 1, Z and z 26), or NOT_PACKED. */
    static long pack(char[] chars, int start, int end) {
        if (end - start > MAX_LETTERS) return NOT_PACKED;
        long packed = 0;
        for (int k = start; k < end; k++) {
            char c = chars[k];
            if (!isAsciiLetter(c)) return NOT_PACKED;
            packed = packed << 5 | (c & 0x1F);
        }
        return packed;
    }

    /** The lower-case word {@link #pack} packed. */
    private static String unpack(long packed) {
        StringBuilder word = new StringBuilder();
        for (long p = packed; p != 0; p >>>= 5) word.append((char) ('a' - 1 + (p & 0x1F)));
        return word.reverse().toString();
    }

    static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** The id of the word with those letters packed, or UNKNOWN (always for NOT_PACKED). */
    int find(long packed) {
        if (packed == NOT_PACKED) return UNKNOWN;
        long[] table = this.table;
        for (int s = home(packed); ; s = (s + 1) & mask) {
            long word = table[2 * s];
            if (word == packed) return s;
            if (word == NOT_PACKED) return UNKNOWN;
        }
    }

    /** The key's start (24 bits), length (7 bits) and root node (32 bits) of the word in slot {@code id}. */
    private long info(int id) { return table[2 * id + 1]; }

    /** The word's key is keyChars()[keyStart(id), keyEnd(id)). */
    char[] keyChars() { return keyChars; }

    int keyStart(int id) { return (int) (info(id) >>> 32) & MAX_KEY_START; }

    int keyLength(int id) { return (int) (info(id) >>> 56); }

    int keyEnd(int id) { return keyStart(id) + keyLength(id); }

    /** The key's NameTrie.hashOf. */
    long keyHash(int id) { return keyHash[id]; }

    /** Where the word's key leads from the trie's root (NameTrie.NONE: no name starts so); the root for no key. */
    int rootNode(int id) { return (int) info(id); }

    /** Whether the word, lower-cased, is one of the gazetteer's English words. */
    boolean englishWord(int id) { return englishWord[id]; }

    private int emptySlot(long packed) {
        int s = home(packed);
        while (table[2 * s] != NOT_PACKED) s = (s + 1) & mask;
        return s;
    }

    private int home(long packed) {
        return (int) (packed * 0x9E3779B97F4A7C15L >>> shift);
    }
}
