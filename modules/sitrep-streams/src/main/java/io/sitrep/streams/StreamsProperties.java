package io.sitrep.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import io.sitrep.model.topic.Topics;

/** The streams configuration every sitrep instance runs with: exactly once, named resources, a DLQ. */
public final class StreamsProperties {
    private StreamsProperties() {}

    /**
     * @param applicationServer host:port of this instance's HTTP API, advertised for interactive queries (may be null)
     */
    public static Properties of(String bootstrapServers, String applicationId, String clientId, Path stateDir,
                                int replication, long commitIntervalMs, int threads, String applicationServer) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.CLIENT_ID_CONFIG, clientId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // one bad record never stops a stream thread: it goes to the DLQ with the reason in headers
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        // the global tables (alerts, silences, rule status, situation) too: an error there would stop the client
        // (Kafka Streams 5.0 makes this the default; Streams logs it once per client until then)
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (applicationServer != null) p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        return p;
    }

    /**
     * How an instance closes its streams: within 30 s, leaving the consumer group. Streams stays in the group by
     * default, so an instance restarted on the same data dir waited until the group gave up on its former self (the
     * 45 s session timeout) before it processed again, and its close blocked in that rebalance; the other instances
     * of a cluster likewise waited that long before taking its partitions over.
     */
    public static CloseOptions closeOptions() {
        return CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }
}
