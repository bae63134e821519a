package io.sitrep.nlp.place;

import java.util.Arrays;

/**
 * A character trie over folded name keys. Word keys are glued without separator (as {@link
 * io.sitrep.nlp.text.NameFolder#fold} does), so a matcher walks a text word by word from one node and "Tal Afar",
 * "Tall ‘Afar" and "Talafar" end on the same node. Built once, then only read: safe to share between threads.
 */
final class NameTrie<V> {
    static final class Node<V> {
        private static final int WIDE = 8;
        private char[] labels = new char[0];
        private Object[] children = new Object[0];
        private V value;
        /** Direct lookup of the ASCII children of wide nodes (the first letters of names); kept in step on insert. */
        private Object[] ascii;

        /** The node after {@code key}, or null when no name continues that way. */
        @SuppressWarnings("unchecked")
        Node<V> walk(String key) {
            Node<V> node = this;
            for (int i = 0, n = key.length(); i < n && node != null; i++) {
                char c = key.charAt(i);
                if (c < 128 && node.ascii != null) {
                    node = (Node<V>) node.ascii[c];
                } else {
                    int k = Arrays.binarySearch(node.labels, c);
                    node = k < 0 ? null : (Node<V>) node.children[k];
                }
            }
            return node;
        }

        V value() { return value; }

        /** Labels stay sorted, so a walk finds a child by binary search. */
        @SuppressWarnings("unchecked")
        private Node<V> childOrNew(char c) {
            int k = Arrays.binarySearch(labels, c);
            if (k >= 0) return (Node<V>) children[k];
            int at = -k - 1;
            Node<V> child = new Node<>();
            char[] l = new char[labels.length + 1];
            Object[] ch = new Object[children.length + 1];
            System.arraycopy(labels, 0, l, 0, at);
            System.arraycopy(children, 0, ch, 0, at);
            l[at] = c;
            ch[at] = child;
            System.arraycopy(labels, at, l, at + 1, labels.length - at);
            System.arraycopy(children, at, ch, at + 1, children.length - at);
            labels = l;
            children = ch;
            if (labels.length >= WIDE) {
                ascii = new Object[128];
                for (int j = 0; j < labels.length; j++) if (labels[j] < 128) ascii[labels[j]] = children[j];
            }
            return child;
        }
    }

    private final Node<V> root = new Node<>();

    Node<V> root() { return root; }

    /** The value stored under {@code key}, or null. */
    V get(String key) {
        Node<V> node = root.walk(key);
        return node == null ? null : node.value;
    }

    void put(String key, V value) {
        Node<V> node = root;
        for (int i = 0; i < key.length(); i++) node = node.childOrNew(key.charAt(i));
        node.value = value;
    }
}
