package io.sitrep.sinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void encodesOffsetsInBase36PartitionZeroFirst() {
        StreamPosition p = new StreamPosition(Map.of(0, 100L, 2, 51L));
        assertThat(p.encode()).isEqualTo("2s.0.1f");
        assertThat(StreamPosition.start().encode()).isEqualTo("0");
    }

    @Test
    void decodesWhatItEncodes() {
        StreamPosition p = new StreamPosition(Map.of(0, 7L, 1, 123_456_789_012L, 5, 1L));
        assertThat(StreamPosition.decode(p.encode())).contains(p);
        assertThat(StreamPosition.decode("0.0.0")).contains(StreamPosition.start());
    }

    @Test
    void rejectsIdsThatAreNotPositions() {
        assertThat(StreamPosition.decode(null)).isEmpty();
        assertThat(StreamPosition.decode("")).isEmpty();
        assertThat(StreamPosition.decode("1..2")).isEmpty();
        assertThat(StreamPosition.decode("-1")).isEmpty();
        assertThat(StreamPosition.decode("A1")).isEmpty();
        assertThat(StreamPosition.decode("zzzzzzzzzzzzz")).isEmpty(); // beyond a long
        assertThat(StreamPosition.decode("1.2 ")).isEmpty();
        assertThatThrownBy(() -> new StreamPosition(Map.of(0, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesPastRecordsAndNeverBackwards() {
        StreamPosition p = StreamPosition.start().after(1, 4);
        assertThat(p.next(1)).isEqualTo(5);
        assertThat(p.next(0)).isZero();
        assertThat(p.covers(1, 4)).isTrue();
        assertThat(p.covers(1, 5)).isFalse();
        assertThat(p.after(1, 2)).isSameAs(p);
        assertThat(p.after(1, 9).next(1)).isEqualTo(10);
    }

    @Test
    void comparesPartitionByPartition() {
        StreamPosition a = new StreamPosition(Map.of(0, 3L, 1, 5L));
        assertThat(a.notAfter(new StreamPosition(Map.of(0, 3L, 1, 6L)))).isTrue();
        assertThat(a.notAfter(new StreamPosition(Map.of(0, 4L)))).isFalse();
        assertThat(StreamPosition.start().notAfter(a)).isTrue();
    }
}
