package io.sitrep.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** An {@code apache/kafka} container started by Testcontainers. */
final class ContainerKafkaFixture implements KafkaFixture {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerKafkaFixture.class);

    /** System property overriding the image, e.g. to test against another Kafka release. */
    static final String IMAGE_PROPERTY = "sitrep.test.kafka.image";
    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerKafkaFixture(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaFixture start() {
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        long started = System.nanoTime();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        BrokerSettings.asImageEnvironment().forEach(container::withEnv);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("could not start a Kafka container from " + image, e);
        }
        LOG.info("Kafka fixture: container {} ready at {} in {} ms", image, container.getBootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return new ContainerKafkaFixture(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "Kafka container at " + bootstrapServers();
    }
}
