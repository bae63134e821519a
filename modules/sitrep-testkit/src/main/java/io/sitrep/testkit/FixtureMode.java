package io.sitrep.testkit;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** The paths to a broker {@link KafkaFixture#start()} can take. */
enum FixtureMode {
    EMBEDDED, DOCKER, AUTO;

    private static final Logger LOG = LoggerFactory.getLogger(FixtureMode.class);

    static FixtureMode fromSystemProperties() {
        String value = System.getProperty(KafkaFixture.MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> EMBEDDED;
            case "docker" -> DOCKER;
            case "auto", "" -> AUTO;
            default -> throw new IllegalArgumentException("-D" + KafkaFixture.MODE_PROPERTY + "=" + value
                    + " is not one of embedded, docker, auto");
        };
    }

    KafkaFixture start() {
        return switch (this) {
            case EMBEDDED -> {
                LOG.info("Kafka fixture: in-process KRaft broker (forced by -D{}=embedded)", KafkaFixture.MODE_PROPERTY);
                yield EmbeddedKafkaFixture.start();
            }
            case DOCKER -> {
                LOG.info("Kafka fixture: Testcontainers broker (forced by -D{}=docker)", KafkaFixture.MODE_PROPERTY);
                yield ContainerKafkaFixture.start();
            }
            case AUTO -> {
                if (dockerAvailable()) {
                    LOG.info("Kafka fixture: Docker is available, starting a Testcontainers broker");
                    yield ContainerKafkaFixture.start();
                }
                LOG.info("Kafka fixture: no Docker engine, starting an in-process KRaft broker");
                yield EmbeddedKafkaFixture.start();
            }
        };
    }

    private static boolean dockerAvailable() {
        if (!DockerHints.anyPresent(System.getenv(), System.getProperty("user.home"))) {
            // asking Testcontainers would only log an ERROR about the missing engine
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Docker detection failed", e);
            return false;
        }
    }
}
