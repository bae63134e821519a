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
 * <p>Built with a {@link Builder}, then frozen into arrays: nodes are ints (breadth first, so the nodes a walk meets
 * first lie together), a node's children a sorted run of labels and targets, the root's ASCII children a direct
 * table. Only read once built: safe to share between threads.
 */
final class NameTrie<V> {
    static final int ROOT = 0;
    /** No node: no name continues that way. */
    static final int NONE = -1;
    /** Nodes with more children than this are searched by halves, the others one by one. */
    private static final int LINEAR_SEARCH = 8;

    /** Node n's children are labels and targets [firstChild[n], firstChild[n + 1]), labels sorted. */
    private final int[] firstChild;
    private final char[] labels;
    private final int[] targets;
    private final Object[] values;
    private final int[] rootAscii;

    private NameTrie(int[] firstChild, char[] labels, int[] targets, Object[] values) {
        this.firstChild = firstChild;
        this.labels = labels;
        this.targets = targets;
        this.values = values;
        this.rootAscii = new int[128];
        for (char c = 0; c < 128; c++) rootAscii[c] = search(ROOT, c);
    }

    /** The node after {@code c} from {@code node}, or {@link #NONE}. */
    int child(int node, char c) {
        if (node == ROOT && c < 128) return rootAscii[c];
        return search(node, c);
    }

    private int search(int node, char c) {
        int from = firstChild[node];
        int to = firstChild[node + 1];
        if (to - from > LINEAR_SEARCH) {
            int k = Arrays.binarySearch(labels, from, to, c);
            return k < 0 ? NONE : targets[k];
        }
        for (int k = from; k < to; k++) {
            char label = labels[k];
            if (label == c) return targets[k];
            if (label > c) break;
        }
        return NONE;
    }

    /** The node after chars [from, to) of {@code key} from {@code node}, or {@link #NONE}. */
    int walk(int node, char[] key, int from, int to) {
        for (int k = from; k < to && node != NONE; k++) node = child(node, key[k]);
        return node;
    }

    int walk(int node, CharSequence key) {
        for (int k = 0, n = key.length(); k < n && node != NONE; k++) node = child(node, key.charAt(k));
        return node;
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
            Node<V> node = root;
            for (int i = 0; i < key.length(); i++) node = node.childOrNew(key.charAt(i));
            node.value = value;
        }

        NameTrie<V> build() {
            // number the nodes breadth first; children of a node get consecutive numbers
            List<Node<V>> order = new ArrayList<>();
            Queue<Node<V>> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                Node<V> n = queue.remove();
                n.id = order.size();
                order.add(n);
                queue.addAll(Arrays.asList(n.children));
            }
            int count = order.size();
            int edgeCount = count - 1;
            int[] firstChild = new int[count + 1];
            char[] labels = new char[edgeCount];
            int[] targets = new int[edgeCount];
            Object[] values = new Object[count];
            int e = 0;
            for (Node<V> n : order) {
                firstChild[n.id] = e;
                values[n.id] = n.value;
                for (int k = 0; k < n.labels.length; k++) {
                    labels[e] = n.labels[k];
                    targets[e] = n.children[k].id;
                    e++;
                }
            }
            firstChild[count] = e;
            return new NameTrie<>(firstChild, labels, targets, values);
        }
    }
}
