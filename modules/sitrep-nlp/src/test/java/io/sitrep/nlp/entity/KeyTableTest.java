package io.sitrep.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTableTest {
    @Test
    void findsKeysByAnyRangeOfAnArray() {
        KeyTable<String> t = new KeyTable<>(2);
        char[] k = "iraq".toCharArray();
        t.putIfAbsent(k, 0, k.length, "country:IQ");
        char[] text = "xxiraqsyria".toCharArray();
        assertThat(t.get(text, 2, 6)).isEqualTo("country:IQ");
        assertThat(t.get(text, 2, 5)).isNull();
        assertThat(t.get(text, 6, 11)).isNull();
        assertThat(t.get(text, 2, 6, KeyTable.hash(KeyTable.hash(0, text, 2, 4), text, 4, 6))).isEqualTo("country:IQ");
    }

    @Test
    void hashOfAWholeKeyIsItsStringHash() {
        char[] k = "popularmobilizationforces".toCharArray();
        assertThat(KeyTable.hash(0, k, 0, k.length)).isEqualTo("popularmobilizationforces".hashCode());
    }

    @Test
    void keepsTheFirstValueAndGrowsWithoutLosingKeys() {
        KeyTable<Integer> t = new KeyTable<>(1);
        // "Aa" and "BB" share a String hash: collisions must be told apart by the chars
        for (int i = 0; i < 1000; i++) {
            char[] k = ("Aa".repeat(i % 3) + "BB".repeat(2 - i % 3) + i).toCharArray();
            t.putIfAbsent(k, 0, k.length, i);
        }
        char[] first = "BBBB0".toCharArray(); // the key of i = 0
        t.putIfAbsent(first, 0, first.length, -1);
        assertThat(t.get(first, 0, first.length)).isEqualTo(0);
        for (int i = 0; i < 1000; i++) {
            char[] k = ("Aa".repeat(i % 3) + "BB".repeat(2 - i % 3) + i).toCharArray();
            assertThat(t.get(k, 0, k.length)).isEqualTo(i);
        }
        char[] empty = new char[0];
        assertThat(t.get(empty, 0, 0)).isNull();
    }
}
