package io.sitrep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FixtureModeTest {
    private final String before = System.getProperty(KafkaFixture.MODE_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KafkaFixture.MODE_PROPERTY);
        } else {
            System.setProperty(KafkaFixture.MODE_PROPERTY, before);
        }
    }

    @Test
    void defaultsToAuto() {
        System.clearProperty(KafkaFixture.MODE_PROPERTY);
        assertThat(FixtureMode.fromSystemProperties()).isEqualTo(FixtureMode.AUTO);
    }

    @Test
    void readsTheForcedPathIgnoringCase() {
        System.setProperty(KafkaFixture.MODE_PROPERTY, " Embedded ");
        assertThat(FixtureMode.fromSystemProperties()).isEqualTo(FixtureMode.EMBEDDED);
        System.setProperty(KafkaFixture.MODE_PROPERTY, "docker");
        assertThat(FixtureMode.fromSystemProperties()).isEqualTo(FixtureMode.DOCKER);
    }

    @Test
    void rejectsAnUnknownPathNamingTheProperty() {
        System.setProperty(KafkaFixture.MODE_PROPERTY, "podman");
        assertThatThrownBy(FixtureMode::fromSystemProperties)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sitrep.test.kafka=podman");
    }
}
