package io.sitrep.nlp.entity;

/**
 * The edges of the {@link EntityDictionary} key graph: (node, label id) → node, in open addressing on one long key
 * per edge, at most half full. Filled at load, read only after.
 */
final class EdgeTable {
    private long[] keys;
    private int[] targets; // 0 (the root, never a target) marks a free slot
    private int size;

    EdgeTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(expected, 4) * 2) * 2;
        keys = new long[capacity];
        targets = new int[capacity];
    }

    /** The target of the edge from node {@code from} labelled {@code label}; -1 if none. */
    int target(int from, int label) {
        long key = key(from, label);
        int mask = targets.length - 1;
        for (int slot = slot(key) & mask; ; slot = (slot + 1) & mask) {
            int target = targets[slot];
            if (target == 0) return -1;
            if (keys[slot] == key) return target;
        }
    }

    /** Adds an edge; the first edge of a (node, label) pair wins. */
    void add(int from, int label, int target) {
        if (target(from, label) >= 0) return;
        if (2 * (size + 1) > targets.length) grow();
        insert(key(from, label), target);
    }

    private void insert(long key, int target) {
        int mask = targets.length - 1;
        int slot = slot(key) & mask;
        while (targets[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        targets[slot] = target;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        targets = new int[oldTargets.length * 2];
        size = 0;
        for (int i = 0; i < oldTargets.length; i++) if (oldTargets[i] != 0) insert(oldKeys[i], oldTargets[i]);
    }

    private static long key(int from, int label) { return (long) from << 32 | (label & 0xFFFFFFFFL); }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
