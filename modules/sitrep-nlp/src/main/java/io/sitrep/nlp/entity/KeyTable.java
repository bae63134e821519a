package io.sitrep.nlp.entity;

import java.util.Arrays;

/**
 * A map from folded keys to values, looked up by a range of a char array (such as the concatenated word keys of
 * {@link io.sitrep.nlp.text.NameTokens#keyChars()}) without making a String. Open addressing, at most half full.
 * Not thread-safe while it is written; safe to read from many threads once filled and published.
 */
final class KeyTable<V> {
    private char[][] keys;
    private int[] hashes;
    private Object[] values;
    private int size;

    KeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(expected, 4) * 2) * 2;
        keys = new char[capacity][];
        hashes = new int[capacity];
        values = new Object[capacity];
    }

    /** The hash of a key continued by chars [from, to); a whole key's hash equals its {@code String.hashCode}. */
    static int hash(int hash, char[] chars, int from, int to) {
        int h = hash;
        for (int k = from; k < to; k++) h = 31 * h + chars[k];
        return h;
    }

    V get(char[] chars, int from, int to) { return get(chars, from, to, hash(0, chars, from, to)); }

    /** The value of key chars [from, to), whose {@link #hash} the caller already knows; null when absent. */
    @SuppressWarnings("unchecked")
    V get(char[] chars, int from, int to, int hash) {
        int mask = keys.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            char[] k = keys[slot];
            if (k == null) return null;
            if (hashes[slot] == hash && equal(k, chars, from, to)) return (V) values[slot];
        }
    }

    /** A plain loop: keys are a few chars, too short for the vectorised {@code Arrays.equals} to pay off. */
    private static boolean equal(char[] key, char[] chars, int from, int to) {
        if (key.length != to - from) return false;
        for (int k = 0; k < key.length; k++) if (key[k] != chars[from + k]) return false;
        return true;
    }

    /** Removes every key; the arrays stay, to be filled again. */
    void clear() {
        if (size == 0) return;
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }

    /** Adds key chars [from, to) with {@code value} (not null) unless the key is there already. */
    void putIfAbsent(char[] chars, int from, int to, V value) {
        int hash = hash(0, chars, from, to);
        if (get(chars, from, to, hash) != null) return;
        if (2 * (size + 1) > keys.length) grow();
        insert(Arrays.copyOfRange(chars, from, to), hash, value);
    }

    private void insert(char[] key, int hash, Object value) {
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (keys[slot] != null) slot = (slot + 1) & mask;
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
        size++;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != null) insert(oldKeys[i], oldHashes[i], oldValues[i]);
    }

    private static int spread(int h) { return (h ^ (h >>> 16)) * 0x9E3779B9; }
}
