package io.sitrep.nlp.entity;

/**
 * The edges of the {@link EntityDictionary} key graph: (node, label) → node, looked up by a label given as a range
 * of a char array and its String hash, so a step allocates nothing. Open addressing, at most half full; a hit
 * compares the node and the label's chars. Filled at load, read only after.
 */
final class EdgeTable {
    private int[] hashes;
    private int[] froms;
    private int[] targets; // 0 (the root, never a target) marks a free slot
    private char[][] labels;
    private int size;

    EdgeTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(expected, 4) * 2) * 2;
        hashes = new int[capacity];
        froms = new int[capacity];
        targets = new int[capacity];
        labels = new char[capacity][];
    }

    /** The target of the edge from node {@code from} labelled chars [start, end) with String hash {@code hash}; -1 if none. */
    int target(int from, char[] chars, int start, int end, int hash) {
        int h = mix(from, hash);
        int mask = targets.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int target = targets[slot];
            if (target == 0) return -1;
            if (hashes[slot] == h && froms[slot] == from && equal(labels[slot], chars, start, end)) return target;
        }
    }

    /** Adds an edge; the first edge of a (node, label) pair wins. */
    void add(int from, char[] label, int target) {
        if (target(from, label, 0, label.length, String.valueOf(label).hashCode()) >= 0) return;
        if (2 * (size + 1) > targets.length) grow();
        insert(mix(from, String.valueOf(label).hashCode()), from, label, target);
    }

    private void insert(int h, int from, char[] label, int target) {
        int mask = targets.length - 1;
        int slot = h & mask;
        while (targets[slot] != 0) slot = (slot + 1) & mask;
        hashes[slot] = h;
        froms[slot] = from;
        targets[slot] = target;
        labels[slot] = label;
        size++;
    }

    private void grow() {
        int[] oldHashes = hashes, oldFroms = froms, oldTargets = targets;
        char[][] oldLabels = labels;
        int capacity = oldTargets.length * 2;
        hashes = new int[capacity];
        froms = new int[capacity];
        targets = new int[capacity];
        labels = new char[capacity][];
        size = 0;
        for (int i = 0; i < oldTargets.length; i++) {
            if (oldTargets[i] != 0) insert(oldHashes[i], oldFroms[i], oldLabels[i], oldTargets[i]);
        }
    }

    /** A plain loop: labels are a few chars, too short for the vectorised {@code Arrays.equals} to pay off. */
    private static boolean equal(char[] label, char[] chars, int start, int end) {
        if (label.length != end - start) return false;
        for (int k = 0; k < label.length; k++) if (label[k] != chars[start + k]) return false;
        return true;
    }

    private static int mix(int from, int hash) {
        int h = hash + from * 0x61C88647;
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
