package io.sitrep.nlp.place;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * A character trie over folded name keys. Word keys are glued without separator (as {@link
 * io.sitrep.nlp.text.NameFolder#fold} does), so a matcher walks a text word by word from one node and "Tal Afar",
 * "Tall ‘Afar" and "Talafar" end on the same node.
 *
 * <p>Built with a {@link Builder}, then frozen into arrays indexed by node. A walk does not go char by char (a
 * chain of dependent memory reads): the chars' polynomial hash, continued from the start node's, is looked up once
 * in a table of every node's hash. A hit is then checked against the node's key, spelt in one char array: every
 * node has its own hash (checked when built), so a node of the right depth whose last chars are the walked ones,
 * with the hash continued from the start node's, was reached from the start node (see {@link #walk}); a hash
 * collision with a text's word can never make a false match. Most words of a text are no name's prefix and cost
 * one look-up. Only read once built: safe to share between threads.
 */
final class NameTrie<V> {
    static final int ROOT = 0;
    /** No node: no name continues that way. */
    static final int NONE = -1;
    private static final long BASE = 0x9E3779B97F4A7C15L;
    /** POWERS[i] = BASE^i: a key's hash is a sum of independent products, not a chain of multiplications. */
    private static final long[] POWERS = new long[64];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * BASE;
    }

    /** hash[n] is the hash of the chars from the root to node n, which are keyChars[keyAt[n], keyAt[n] + depth[n]). */
    private final long[] hash;
    private final int[] depth;
    private final int[] keyAt;
    private final char[] keyChars;
    private final Object[] values;
    /** By node: bit i set when a child is reached by the letter 'a' + i. */
    private final int[] childLetters;
    /**
     * Open addressing, every node by its hash: a slot holds 32 bits of the hash (high) and the node (low), so the
     * table is small enough to stay in cache; -1 is an empty slot.
     */
    private final long[] slots;
    private final int mask;
    private final int shift;

    private NameTrie(int[] parent, char[] label, Object[] values) {
        this.values = values;
        int n = values.length;
        hash = new long[n];
        depth = new int[n];
        childLetters = new int[n];
        for (int node = 1; node < n; node++) { // parents first
            hash[node] = hash[parent[node]] * BASE + label[node];
            depth[node] = depth[parent[node]] + 1;
            if (label[node] >= 'a' && label[node] <= 'z') childLetters[parent[node]] |= 1 << (label[node] - 'a');
        }
        // each node's key is a prefix of the key of a leaf below it: only leaves' keys are spelt out
        int[] leaf = new int[n];
        Arrays.fill(leaf, NONE);
        int spelt = 0;
        for (int node = n - 1; node >= 1; node--) { // children first
            if (leaf[node] == NONE) {
                leaf[node] = node;
                spelt += depth[node];
            }
            if (leaf[parent[node]] == NONE) leaf[parent[node]] = leaf[node];
        }
        keyAt = new int[n];
        keyChars = new char[spelt];
        int used = 0;
        for (int node = 1; node < n; node++) {
            if (leaf[node] != node) continue;
            keyAt[node] = used;
            used += depth[node];
            for (int m = node, k = used - 1; m != ROOT; m = parent[m], k--) keyChars[k] = label[m];
        }
        for (int node = 1; node < n; node++) keyAt[node] = keyAt[leaf[node]];

        int capacity = Integer.highestOneBit(Math.max(n, 2)) * 4; // at most half full
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (int node = 1; node < n; node++) {
            int s = slot(hash[node]);
            for (; slots[s] != EMPTY; s = (s + 1) & mask) {
                if (hash[(int) slots[s]] == hash[node]) throw new IllegalStateException("two names' prefixes share a 64-bit hash");
            }
            slots[s] = (long) fragment(hash[node]) << 32 | node;
        }
    }

    private static final long EMPTY = -1;

    /** The bits of a hash a slot keeps. */
    private static int fragment(long h) {
        return (int) (h ^ h >>> 32);
    }

    /** The high bits of a mixed hash: a polynomial hash's low bits depend on the chars' low bits only. */
    private int slot(long h) {
        return (int) ((h ^ h >>> 32) * 0xC2B2AE3D27D4EB4FL >>> shift);
    }

    /**
     * The node after chars [from, to) of {@code key} from {@code node}, or {@link #NONE}. A node m with the hash
     * continued from the start node's, at the depth after those chars, whose last chars are those chars, is the
     * one: its prefix of the start node's depth then has the start node's hash (BASE is odd, so multiplying by its
     * powers loses nothing), and no other node has that hash.
     */
    int walk(int node, char[] key, int from, int to) {
        if (node == NONE || from == to) return node;
        return walk(node, hashOf(key, from, to), key, from, to);
    }

    /**
     * The chars' share of the hash of any key they end ({@code hashOf(key, 0, n)} is the hash of key [0, n)), which
     * {@link #walk(int, long, char[], int, int)} continues a node's hash with: known words' keys carry theirs.
     */
    static long hashOf(char[] key, int from, int to) {
        long h = 0;
        if (to - from < POWERS.length) {
            for (int k = from; k < to; k++) h += key[k] * POWERS[to - 1 - k];
        } else {
            for (int k = from; k < to; k++) h = h * BASE + key[k];
        }
        return h;
    }

    /** {@link #walk(int, char[], int, int)} of chars whose {@link #hashOf} is {@code charsHash}. */
    int walk(int node, long charsHash, char[] key, int from, int to) {
        if (node == NONE || from == to) return node;
        int length = to - from;
        long h = hash[node] * (length < POWERS.length ? POWERS[length] : power(length)) + charsHash;
        long[] slots = this.slots;
        int fragment = fragment(h);
        for (int s = slot(h); ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == EMPTY) return NONE;
            int m = (int) slot;
            if ((int) (slot >>> 32) == fragment && hash[m] == h) return endsWith(m, depth[node], key, from, to) ? m : NONE;
        }
    }

    private static long power(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= BASE;
        return p;
    }

    /** Whether node m is at depth {@code at + to - from} and its key continues from depth {@code at} with the chars. */
    private boolean endsWith(int m, int at, char[] key, int from, int to) {
        if (depth[m] != at + to - from) return false;
        int k = keyAt[m] + at - from;
        for (int i = from; i < to; i++) if (keyChars[k + i] != key[i]) return false;
        return true;
    }

    int walk(int node, CharSequence key) {
        char[] chars = key.toString().toCharArray();
        return walk(node, chars, 0, chars.length);
    }

    /** The chars from the root to the node (loading, not the hot path). */
    String key(int node) {
        return new String(keyChars, keyAt[node], depth[node]);
    }

    /** The number of nodes; nodes are 0 to size - 1. */
    int size() { return values.length; }

    /** Bit i set when a key continues from {@code node} with the letter 'a' + i. */
    int childLetters(int node) {
        return childLetters[node];
    }

    /** Whether a key continues from {@code node} with the lower-case ASCII letter {@code letter}. */
    boolean hasChild(int node, char letter) {
        return (childLetters[node] & 1 << (letter - 'a')) != 0;
    }

    /** The value of a name ending at {@code node}, or null. */
    @SuppressWarnings("unchecked")
    V value(int node) {
        return (V) values[node];
    }

    /** The value stored under {@code key}, or null. */
    V get(String key) {
        int node = walk(ROOT, key);
        return node == NONE ? null : value(node);
    }

    /** Collects keys and values in linked nodes, then {@link #build freezes} them. */
    static final class Builder<V> {
        private static final class Node<V> {
            private char[] labels = new char[0];
            private Node<V>[] children = newArray(0);
            private V value;
            private int id;

            private Node<V> childOrNew(char c) {
                int k = Arrays.binarySearch(labels, c);
                if (k >= 0) return children[k];
                int at = -k - 1;
                Node<V> child = new Node<>();
                char[] l = new char[labels.length + 1];
                Node<V>[] ch = newArray(children.length + 1);
                System.arraycopy(labels, 0, l, 0, at);
                System.arraycopy(children, 0, ch, 0, at);
                l[at] = c;
                ch[at] = child;
                System.arraycopy(labels, at, l, at + 1, labels.length - at);
                System.arraycopy(children, at, ch, at + 1, children.length - at);
                labels = l;
                children = ch;
                return child;
            }

            @SuppressWarnings("unchecked")
            private static <V> Node<V>[] newArray(int n) {
                return (Node<V>[]) new Node<?>[n];
            }
        }

        private final Node<V> root = new Node<>();

        void put(String key, V value) {
            path(key).value = value;
        }

        /** Makes the nodes of {@code key} without giving it a value: a walk can meet it, a lookup finds nothing. */
        void addPath(String key) {
            path(key);
        }

        private Node<V> path(String key) {
            Node<V> node = root;
            for (int i = 0; i < key.length(); i++) node = node.childOrNew(key.charAt(i));
            return node;
        }

        NameTrie<V> build() {
            // number the nodes breadth first: a node's parent has a smaller number
            List<Node<V>> order = new ArrayList<>();
            Queue<Node<V>> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                Node<V> n = queue.remove();
                n.id = order.size();
                order.add(n);
                queue.addAll(Arrays.asList(n.children));
            }
            int[] parent = new int[order.size()];
            char[] label = new char[order.size()];
            Object[] values = new Object[order.size()];
            parent[ROOT] = NONE;
            for (Node<V> n : order) {
                values[n.id] = n.value;
                for (int k = 0; k < n.labels.length; k++) {
                    parent[n.children[k].id] = n.id;
                    label[n.children[k].id] = n.labels[k];
                }
            }
            return new NameTrie<>(parent, label, values);
        }
    }
}
