package io.sitrep.nlp.entity;

/**
 * The {@link io.sitrep.nlp.text.NameTokens#skeleton skeletons} of the labels of the dictionary's key graph, as an
 * open-addressing int set: a word whose skeleton is none of them folds to no label, and need not be folded. Two
 * skeletons may share a slot hash; the set then answers yes for both, which only costs a fold. Filled at load,
 * read only after.
 */
final class SkeletonSet {
    private static final int FREE = 0;
    private int[] slots = new int[64];
    private int size;

    void add(int skeleton) {
        if (2 * (size + 1) > slots.length) grow();
        if (insert(slots, hash(skeleton))) size++;
    }

    boolean contains(int skeleton) {
        int h = hash(skeleton);
        int mask = slots.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int s = slots[slot];
            if (s == h) return true;
            if (s == FREE) return false;
        }
    }

    private static boolean insert(int[] slots, int h) {
        int mask = slots.length - 1;
        int slot = h & mask;
        while (slots[slot] != FREE) {
            if (slots[slot] == h) return false;
            slot = (slot + 1) & mask;
        }
        slots[slot] = h;
        return true;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        for (int s : slots) if (s != FREE) insert(bigger, s);
        slots = bigger;
    }

    /** Never {@link #FREE}; spread over the low bits, which pick the slot. */
    private static int hash(int skeleton) {
        int h = skeleton * 0x9E3779B9;
        h ^= h >>> 15;
        return h == FREE ? 1 : h;
    }
}
