package io.sitrep.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaBrokerIT {
    /** A publication time far in the past, as replayed news has: time-based retention must not drop it. */
    private static final long LONG_AGO = 1_700_000_000_000L;

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDirectoryKeepsTopicsAndRecords() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            try (Admin admin = admin(broker)) {
                assertThat(TopicProvisioner.ensureTopics(admin, Topics.ALL, 2, (short) 1))
                        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
            }
            produce(broker, Topics.ARTICLES_RAW.name(), "article-1", "before the restart");
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            try (Admin admin = admin(broker)) {
                assertThat(TopicProvisioner.ensureTopics(admin, Topics.ALL, 2, (short) 1)).isEmpty();
                assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL.stream().map(Topic::name).toList());
                assertThat(cleanupPolicy(admin, Topics.ALERTS.name())).isEqualTo("compact");
                assertThat(cleanupPolicy(admin, Topics.ARTICLES_RAW.name())).isEqualTo("delete");
                assertThat(topicConfig(admin, Topics.ARTICLES_RAW.name(), "retention.ms"))
                        .as("old publication times must not expire a replay").isEqualTo("-1");
            }
            assertThat(readAll(broker, Topics.ARTICLES_RAW.name(), 1)).containsExactly("before the restart");
        }
    }

    @Test
    void aControllerPortTakenSinceTheLastStartIsReplacedAndNothingIsLost() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            try (Admin admin = admin(broker)) {
                TopicProvisioner.ensureTopics(admin, List.of(Topics.ARTICLES_RAW), 1, (short) 1);
            }
            produce(broker, Topics.ARTICLES_RAW.name(), "article-1", "kept");
        }
        int formerPort = BrokerState.read(dataDir.resolve("kafka")).controllerPort();

        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", formerPort));
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
                assertThat(BrokerState.read(dataDir.resolve("kafka")).controllerPort()).isNotEqualTo(formerPort);
                assertThat(readAll(broker, Topics.ARTICLES_RAW.name(), 1)).containsExactly("kept");
            }
        }
    }

    @Test
    void anExistingTopicWithTheWrongCleanupPolicyIsLeftAloneButReported() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger provisionerLog = (Logger) LoggerFactory.getLogger(TopicProvisioner.class);
        logged.start();
        provisionerLog.addAppender(logged);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0);
             Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS.name(), 1, (short) 1))).all().get();

            assertThat(TopicProvisioner.ensureTopics(admin, List.of(Topics.ALERTS), 1, (short) 1)).isEmpty();

            assertThat(cleanupPolicy(admin, Topics.ALERTS.name())).isEqualTo("delete");
            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("sitrep.alerts has cleanup.policy=delete but sitrep expects compact");
            });
        } finally {
            provisionerLog.detachAppender(logged);
        }
    }

    @Test
    void listeningOnEveryInterfaceAdvertisesTheHostName() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "0.0.0.0", 0)) {
            assertThat(broker.bootstrapServers()).doesNotStartWith("0.0.0.0");
            try (Admin admin = admin(broker)) {
                TopicProvisioner.ensureTopics(admin, List.of(Topics.ARTICLES_RAW), 1, (short) 1);
            }
            produce(broker, Topics.ARTICLES_RAW.name(), "article-1", "via the host name");
            assertThat(readAll(broker, Topics.ARTICLES_RAW.name(), 1)).containsExactly("via the host name");
        }
    }

    @Test
    void aTakenPortIsReportedWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", port))
                    .isInstanceOf(BrokerPortInUseException.class)
                    .hasMessageContaining("port " + port + " in use")
                    .hasMessageContaining("--broker-port or --bootstrap-servers");
        }
    }

    @Test
    void aSecondBrokerOnTheSameDirectoryIsRefused() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another sitrep running on this data directory");
            assertThat(first.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        return topicConfig(admin, topic, "cleanup.policy");
    }

    private static String topicConfig(Admin admin, String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry entry = admin.describeConfigs(Set.of(resource)).all().get().get(resource).get(name);
        return entry.value();
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, String key, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, null, LONG_AGO, key, value)).get();
        }
    }

    private static List<String> readAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-broker-it");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
