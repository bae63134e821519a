package io.sitrep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What integration tests ask of a topic, answered deterministically (no "wait until quiet"): every committed record
 * up to the end, and whether a consumer group has committed to the end.
 */
public final class TopicReader {
    private TopicReader() {}

    /** Every committed record of the topic, read from the beginning to its last stable offset. */
    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrapServers)) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Whether the group has committed offsets at the end of every non-empty partition of the topic. */
    public static boolean consumedToEnd(String bootstrapServers, String group, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(bootstrapServers, group);
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrapServers)) {
            List<TopicPartition> parts = partitions(c, topic);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            return parts.stream().allMatch(tp -> end.get(tp) == 0
                    || (committed.get(tp) != null && committed.get(tp).offset() >= end.get(tp)));
        }
    }

    /** The sum of the group's committed offsets over the topic's partitions. */
    public static long committedOffsets(String bootstrapServers, String group, String topic)
            throws ExecutionException, InterruptedException {
        return committed(bootstrapServers, group).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrapServers, String group)
            throws ExecutionException, InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        return c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }
}
