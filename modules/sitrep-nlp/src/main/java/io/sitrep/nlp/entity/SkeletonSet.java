package io.sitrep.nlp.entity;

/**
 * The (node, {@link io.sitrep.nlp.text.NameTokens#skeleton skeleton}) pairs of the edges of the dictionary's key
 * graph, as hashes in an open-addressing int set: a word whose skeleton has no pair with the node a phrase has
 * reached cannot continue it, and need not be folded. Two pairs may share a hash; the set then answers yes for
 * both, which only costs a fold. Filled at load, read only after.
 */
final class SkeletonSet {
    private static final int FREE = 0;
    private int[] slots = new int[64];
    private int size;

    void add(int node, int skeleton) {
        if (2 * (size + 1) > slots.length) grow();
        if (insert(slots, hash(node, skeleton))) size++;
    }

    boolean contains(int node, int skeleton) {
        int h = hash(node, skeleton);
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
    private static int hash(int node, int skeleton) {
        int h = (skeleton + node * 0x61C88647) * 0x9E3779B9;
        h ^= h >>> 15;
        return h == FREE ? 1 : h;
    }
}
