package io.sitrep.nlp.place;

import java.util.Arrays;

/**
 * A character trie over folded name keys. Word keys are glued without separator (as {@link
 * io.sitrep.nlp.text.NameFolder#fold} does), so a matcher walks a text word by word from one node and "Tal Afar",
 * "Tall ‘Afar" and "Talafar" end on the same node. Built once, then only read: safe to share between threads.
 */
final class NameTrie<V> {
    static final class Node<V> {
        private char[] labels = new char[0];
        private Object[] children = new Object[0];
        private V value;

        /** The node after {@code key}, or null when no name continues that way. */
        @SuppressWarnings("unchecked")
        Node<V> walk(String key) {
            Node<V> node = this;
            for (int i = 0, n = key.length(); i < n && node != null; i++) {
                char c = key.charAt(i);
                char[] l = node.labels;
                Node<V> next = null;
                for (int k = 0; k < l.length; k++) {
                    if (l[k] == c) {
                        next = (Node<V>) node.children[k];
                        break;
                    }
                }
                node = next;
            }
            return node;
        }

        V value() { return value; }

        @SuppressWarnings("unchecked")
        private Node<V> childOrNew(char c) {
            for (int k = 0; k < labels.length; k++) if (labels[k] == c) return (Node<V>) children[k];
            Node<V> child = new Node<>();
            labels = Arrays.copyOf(labels, labels.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            labels[labels.length - 1] = c;
            children[children.length - 1] = child;
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
