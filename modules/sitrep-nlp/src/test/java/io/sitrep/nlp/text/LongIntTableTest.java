package io.sitrep.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntTableTest {
    @Test
    void gives_what_was_put_and_the_missing_value_for_the_rest_past_its_expected_size() {
        LongIntTable table = new LongIntTable(4);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            long key = random.nextInt(3) == 0 ? random.nextInt(100) : random.nextLong();
            int value = random.nextInt(1_000);
            table.putIfAbsent(key, value);
            expected.putIfAbsent(key, value);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(table.get(k, -7)).as("key %d", k).isEqualTo(v));
        for (int i = 0; i < 1_000; i++) {
            long key = random.nextLong();
            if (!expected.containsKey(key)) assertThat(table.get(key, -7)).isEqualTo(-7);
        }
    }

    @Test
    void zero_is_a_key_like_any_other_and_the_first_put_wins() {
        LongIntTable table = new LongIntTable(1);
        assertThat(table.get(0, -1)).isEqualTo(-1);
        table.putIfAbsent(0, 0);
        table.putIfAbsent(0, 5);
        assertThat(table.get(0, -1)).isZero();
        assertThatThrownBy(() -> table.putIfAbsent(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
