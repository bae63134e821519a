package io.sitrep.testkit;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A real Kafka broker for integration tests: a Testcontainers {@code apache/kafka} container where Docker runs,
 * an in-process single-node KRaft cluster otherwise. Both behave alike: one broker, internal topics with
 * replication factor 1 (so transactions and {@code exactly_once_v2} work), no initial rebalance delay and no
 * automatic topic creation (tests create what they use, as {@code sitrep run} does).
 *
 * <p>The system property {@value #MODE_PROPERTY} ({@code embedded}, {@code docker} or {@code auto}, the default)
 * forces a path.
 */
public interface KafkaFixture extends AutoCloseable {

    /** System property that selects the broker: {@code embedded}, {@code docker} or {@code auto}. */
    String MODE_PROPERTY = "sitrep.test.kafka";

    /** Starts a broker on the path {@value #MODE_PROPERTY} selects and returns once it accepts clients. */
    static KafkaFixture start() {
        return FixtureMode.fromSystemProperties().start();
    }

    /** The {@code host:port} list clients connect to. */
    String bootstrapServers();

    /** Which path runs this broker, for logs and test reports ({@code embedded} or {@code docker}). */
    String kind();

    /** Only {@code bootstrap.servers}: a base that producers, consumers, admins and Streams add to. */
    default Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1, and returns once every partition
     * of every named topic has a leader.
     */
    default void createTopics(int partitions, String... names) {
        TopicCreator.createAndAwait(bootstrapServers(), partitions, names);
    }

    /** Stops the broker and deletes its data. */
    @Override
    void close();
}
