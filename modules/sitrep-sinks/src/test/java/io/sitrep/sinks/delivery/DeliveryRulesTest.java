package io.sitrep.sinks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.delay(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(1_000)).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersAreClassifiedAsDeliveredRetryOrRefused() {
        assertThat(HttpSender.classify(200, "")).isInstanceOf(Delivery.Delivered.class);
        assertThat(HttpSender.classify(204, null)).isInstanceOf(Delivery.Delivered.class);
        for (int status : new int[] {408, 429, 500, 502, 503}) {
            assertThat(HttpSender.classify(status, "busy")).as("%d", status).isInstanceOf(Delivery.Retry.class);
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 413, 422}) {
            assertThat(HttpSender.classify(status, "no")).as("%d", status)
                    .isEqualTo(new Delivery.Rejected(status, "no"));
        }
        Delivery.Rejected long1 = (Delivery.Rejected) HttpSender.classify(400, "x".repeat(10_000));
        assertThat(long1.response().length()).isLessThan(2_100);
    }

    @Test
    void aSinkHasItsOwnGroup() {
        assertThat(DeliverySettings.forSink("webhook").groupId()).isEqualTo("sitrep-sink-webhook");
        assertThatThrownBy(() -> new DeliverySettings(" ", Backoff.defaults())).isInstanceOf(IllegalArgumentException.class);
    }
}
