package io.sitrep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaFixtureExtensionIT {
    private final KafkaFixture constructorFixture;

    KafkaFixtureExtensionIT(KafkaFixture kafka) {
        this.constructorFixture = kafka;
    }

    @Test
    void injectsOneFixtureForTheWholeClass(KafkaFixture methodFixture) throws Exception {
        assertThat(methodFixture).isSameAs(constructorFixture);
        methodFixture.createTopics(1, "extension.it");
        try (Admin admin = Admin.create(methodFixture.clientProperties())) {
            assertThat(admin.listTopics().names().get()).contains("extension.it");
        }
    }

    @Nested
    class NestedTests {
        @Test
        void sharesTheOuterClassBroker(KafkaFixture nestedFixture) {
            assertThat(nestedFixture).isSameAs(constructorFixture);
            assertThat(Set.of(nestedFixture.bootstrapServers())).containsExactly(constructorFixture.bootstrapServers());
        }
    }
}
