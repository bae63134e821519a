package io.sitrep.nlp.place;

/**
 * Tells, without folding a word, that no name starts with it. NameFolder changes a word's vowels, y and h (ee→i,
 * ey→ai, a final h dropped, …), drops apostrophes and makes a doubled letter single, but keeps its other letters
 * in their order. So a word of ASCII letters has the consonant skeleton of its key: its letters but a, e, i, o, u,
 * y and h, lower case, each run of one letter made one (across vowels too: "Isis" and "Hassan" have "s" and "sn").
 * Every prefix of a name's key is a trie node: a word whose skeleton no node's key has would walk to nothing.
 *
 * <p>The skeletons of the nodes' keys are kept as bits of a hash: a word may pass that starts no name (it is then
 * folded and walked), never the other way round. Immutable: safe to share.
 */
final class ConsonantSkeletons {
    /** {@link #of}'s answer for a word that is not ASCII letters only, or whose skeleton is too long to pack. */
    static final long UNKNOWN = -1;
    private static final int MAX_LETTERS = 12;
    /** By char: 1 to 26 for a consonant other than h and y (either case), 0 for another ASCII letter, -1 else. */
    private static final byte[] CODE = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            char lower = (char) (c | 0x20);
            boolean letter = KnownSpellings.isAsciiLetter((char) c);
            CODE[c] = (byte) (!letter ? -1 : "aeiouyh".indexOf(lower) >= 0 ? 0 : lower - 'a' + 1);
        }
    }

    private static final int BITS = 1 << 17; // 16 KB; some 7,000 skeletons set
    private final long[] bits = new long[BITS / Long.SIZE];

    ConsonantSkeletons(NameTrie<?> names) {
        for (int node = 0; node < names.size(); node++) {
            String key = names.key(node);
            long skeleton = of(key.toCharArray(), 0, key.length());
            if (skeleton != UNKNOWN) {
                int b = bit(skeleton);
                bits[b >>> 6] |= 1L << b;
            }
        }
    }

    /**
     * Whether a word of the text may start a name; false when its skeleton is no node key's: then its key is empty
     * (an article) or leads nowhere from the trie's root.
     */
    boolean mayStartName(char[] chars, int start, int end) {
        long skeleton = of(chars, start, end);
        if (skeleton == UNKNOWN) return true;
        int b = bit(skeleton);
        return (bits[b >>> 6] & 1L << b) != 0;
    }

    /** The skeleton of chars [start, end) packed five bits a consonant, or UNKNOWN. */
    static long of(char[] chars, int start, int end) {
        long skeleton = 0;
        int letters = 0;
        int last = 0;
        for (int k = start; k < end; k++) {
            char c = chars[k];
            int code = c < 128 ? CODE[c] : -1;
            if (code < 0) return UNKNOWN;
            if (code != 0 && code != last) {
                skeleton = skeleton << 5 | code;
                letters++;
                last = code;
            }
        }
        return letters > MAX_LETTERS ? UNKNOWN : skeleton;
    }

    private static int bit(long skeleton) {
        return (int) (skeleton * 0x9E3779B97F4A7C15L >>> (Long.SIZE - 17));
    }
}
