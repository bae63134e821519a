package io.sitrep.nlp.entity;

import java.util.Collection;

/**
 * A set of {@link io.sitrep.nlp.text.NameTokens#skeleton skeletons} (bitmasks that never use the sign bit), open
 * addressing with int keys. Filled at construction, read only after.
 */
final class SkeletonSet {
    private static final int FREE = Integer.MIN_VALUE;
    private final int[] slots;

    SkeletonSet(Collection<Integer> skeletons) {
        slots = new int[Integer.highestOneBit(Math.max(skeletons.size(), 4) * 4) * 2];
        java.util.Arrays.fill(slots, FREE);
        int mask = slots.length - 1;
        for (int s : skeletons) {
            int slot = spread(s) & mask;
            while (slots[slot] != FREE && slots[slot] != s) slot = (slot + 1) & mask;
            slots[slot] = s;
        }
    }

    boolean contains(int skeleton) {
        int mask = slots.length - 1;
        for (int slot = spread(skeleton) & mask; ; slot = (slot + 1) & mask) {
            int s = slots[slot];
            if (s == skeleton) return true;
            if (s == FREE) return false;
        }
    }

    private static int spread(int h) { return (h ^ (h >>> 15)) * 0x9E3779B9 >>> 7; }
}
