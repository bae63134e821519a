package io.sitrep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaFixtureIT {
    private static KafkaFixture kafka;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaFixture.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void clientPropertiesHoldOnlyTheBootstrapServers() {
        assertThat(kafka.clientProperties()).containsExactly(Map.entry("bootstrap.servers", kafka.bootstrapServers()));
        assertThat(kafka.kind()).isIn("embedded", "docker");
    }

    @Test
    void createTopicsIsIdempotentAndWaitsForLeaders() throws Exception {
        kafka.createTopics(3, "fixture.created");
        kafka.createTopics(3, "fixture.created");

        try (Admin admin = Admin.create(kafka.clientProperties())) {
            TopicDescription description = admin.describeTopics(Set.of("fixture.created")).allTopicNames().get()
                    .get("fixture.created");
            assertThat(description.partitions()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void aCommittedTransactionIsVisibleAndAnAbortedOneIsNot() {
        kafka.createTopics(1, "fixture.tx");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("fixture.tx", "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("fixture.tx", "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readCommitted("fixture.tx", 1)).containsExactly("committed");
    }

    private Properties producerProperties() {
        Properties properties = kafka.clientProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "fixture-it");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return properties;
    }

    /** Reads until {@code expected} values arrived, then one more poll to catch anything that should not be there. */
    private List<String> readCommitted(String topic, int expected) {
        Properties properties = kafka.clientProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fixture-it");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
