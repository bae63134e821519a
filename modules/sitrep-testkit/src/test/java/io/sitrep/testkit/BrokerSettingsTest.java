package io.sitrep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {
    @Test
    void containerEnvironmentUsesTheImageNamingConvention() {
        assertThat(BrokerSettings.asImageEnvironment())
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .hasSameSizeAs(BrokerSettings.SINGLE_BROKER);
    }
}
