package io.sitrep.nlp.text;

/**
 * A map from long keys to non-negative ints in open addressing (linear probing, at most half full), for the
 * dictionaries the stages look words up in by a packed or hashed key: no boxing, one array read per probe in the
 * common case. Filled at load, read only after: reads are thread-safe once filling is done.
 */
public final class LongIntTable {
    private long[] keys;
    /** The value + 1; 0 marks a free slot, so that every long, 0 included, can be a key. */
    private int[] values;
    private int shift;
    private int size;

    public LongIntTable(int expected) {
        int bits = 3;
        while ((1 << bits) < 2 * Math.max(expected, 1)) bits++;
        allocate(bits);
    }

    /** The value of {@code key}, or {@code missing} when it has none. */
    public int get(long key, int missing) {
        int mask = values.length - 1;
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            int v = values[slot];
            if (v == 0) return missing;
            if (keys[slot] == key) return v - 1;
        }
    }

    /** Puts {@code value} (≥ 0) under {@code key} unless the key has a value already: the first put wins. */
    public void putIfAbsent(long key, int value) {
        if (value < 0) throw new IllegalArgumentException("values are non-negative: " + value);
        if (get(key, -1) >= 0) return;
        if (2 * (size + 1) > values.length) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            allocate(Integer.numberOfTrailingZeros(values.length) + 1);
            for (int i = 0; i < oldValues.length; i++) if (oldValues[i] != 0) insert(oldKeys[i], oldValues[i]);
        }
        insert(key, value + 1);
    }

    public int size() { return size; }

    private void allocate(int bits) {
        keys = new long[1 << bits];
        values = new int[1 << bits];
        shift = 64 - bits;
        size = 0;
    }

    private void insert(long key, int storedValue) {
        int mask = values.length - 1;
        int slot = slot(key);
        while (values[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        values[slot] = storedValue;
        size++;
    }

    /** Fibonacci hashing: the top bits of the key times 2^64/φ spread packed letters and (node, label) pairs alike. */
    private int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); }
}
