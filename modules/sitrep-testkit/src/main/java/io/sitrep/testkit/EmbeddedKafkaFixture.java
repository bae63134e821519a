package io.sitrep.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One combined broker+controller KRaft node in this JVM, its data in a temporary directory. */
final class EmbeddedKafkaFixture implements KafkaFixture {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaFixture.class);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private EmbeddedKafkaFixture(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    static EmbeddedKafkaFixture start() {
        long started = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // without it the test kit formats the unstable "latest testing" version
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            BrokerSettings.SINGLE_BROKER.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafkaFixture fixture = new EmbeddedKafkaFixture(cluster);
            LOG.info("Kafka fixture: in-process KRaft broker ready at {} in {} ms",
                    fixture.bootstrapServers, (System.nanoTime() - started) / 1_000_000);
            return fixture;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(cluster);
            throw new IllegalStateException("interrupted while starting the in-process Kafka broker", e);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("could not start the in-process Kafka broker", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the in-process Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the in-process Kafka broker", e);
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka at " + bootstrapServers;
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("could not stop a half-started in-process Kafka broker", e);
        }
    }
}
