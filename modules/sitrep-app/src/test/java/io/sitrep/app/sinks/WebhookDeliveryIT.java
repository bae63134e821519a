package io.sitrep.app.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.topic.Topics;
import io.sitrep.sinks.delivery.AlertDelivery;
import io.sitrep.sinks.delivery.Backoff;
import io.sitrep.sinks.delivery.DeliverySettings;
import io.sitrep.sinks.webhook.WebhookFormat;
import io.sitrep.sinks.webhook.WebhookSettings;
import io.sitrep.sinks.webhook.WebhookSignature;
import io.sitrep.sinks.webhook.WebhookSink;
import io.sitrep.sinks.webhook.WebhookTarget;
import io.sitrep.testkit.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook sink on a real broker: a target that is down for a while, a sink restart, refusals to the DLQ. */
class WebhookDeliveryIT {
    private static final String SECRET = "s3cret";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400));
    private static KafkaFixture kafka;
    private static TestAlerts alerts;

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        kafka.createTopics(3, Topics.ALERTS.name(), Topics.DLQ.name());
        alerts = new TestAlerts(kafka.bootstrapServers(), "webhook-it");
    }

    @AfterAll
    static void stop() {
        if (alerts != null) alerts.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void withTheTargetDownForAWhileAndThenBackEveryAlertArrivesInOrderOnce() throws Exception {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "order-" + i).toList();
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            WebhookSettings settings = new WebhookSettings("webhook-order", receiver.url("/hook"), WebhookFormat.JSON, SECRET);
            DeliverySettings delivery = settings.delivery().withBackoff(FAST);

            AlertDelivery sink = WebhookSink.start(kafka.bootstrapServers(), settings, delivery);
            alerts.publish(ids.stream().map(id -> TestAlerts.alert(id, 1)).toList());
            await().atMost(Duration.ofSeconds(60)).until(() -> ordered(receiver).size() == 10);

            // the target goes down: version 2 of every alert waits, retried with backoff
            receiver.down(true);
            alerts.publish(ids.stream().map(id -> TestAlerts.alert(id, 2)).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.unavailableAnswers() >= 3);

            // the sink restarts while the target is still down; more versions arrive meanwhile, among them an
            // aborted transaction (never to be delivered) and a silenced version (recorded, not notified)
            sink.close();
            assertThat(sink.isRunning()).isFalse();
            alerts.publishAborted(List.of(TestAlerts.alert("order-1", 99)));
            List<Alert> third = new ArrayList<>(ids.stream().map(id -> TestAlerts.alert(id, 3)).toList());
            third.add(TestAlerts.alert("order-0", 4, AlertStatus.SILENCED, Severity.HIGH));
            alerts.publish(third);
            int before = receiver.unavailableAnswers();
            sink = WebhookSink.start(kafka.bootstrapServers(), settings, delivery);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.unavailableAnswers() >= before + 3);

            receiver.down(false);
            AlertDelivery restarted = sink;
            await().atMost(Duration.ofSeconds(60)).until(() -> ordered(receiver).size() >= 30
                    && restarted.stats().silenced() == 1);
            sink.close();

            List<RecordingReceiver.Received> got = ordered(receiver);
            List<String> keys = got.stream().map(r -> r.header(WebhookTarget.IDEMPOTENCY_HEADER)).toList();
            assertThat(keys).doesNotHaveDuplicates().hasSize(30);
            Map<String, List<Integer>> versionsByAlert = new LinkedHashMap<>();
            for (RecordingReceiver.Received r : got) {
                assertThat(WebhookSignature.verify(SECRET, r.body(), r.header(WebhookSignature.HEADER)))
                        .as("signature of %s", r.header(WebhookTarget.IDEMPOTENCY_HEADER)).isTrue();
                assertThat(r.header(WebhookTarget.TIMESTAMP_HEADER)).matches("\\d{10}");
                JsonNode body = AvroJson.MAPPER.readTree(r.body());
                int version = body.get("version").asInt();
                assertThat(body.get("event").asText()).isEqualTo(version == 1 ? "NEW" : "UPDATED");
                assertThat(body.get("idempotencyKey").asText()).isEqualTo(r.header(WebhookTarget.IDEMPOTENCY_HEADER));
                versionsByAlert.computeIfAbsent(body.get("id").asText(), k -> new ArrayList<>()).add(version);
            }
            assertThat(versionsByAlert.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            versionsByAlert.forEach((id, versions) -> assertThat(versions).as(id).containsExactly(1, 2, 3));
        }
    }

    @Test
    void refusedAndUndecodableAlertsGoToTheDeadLetterTopicWithTheReasonAndTheNextOnesStillArrive() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            receiver.verdict(r -> "refused-1/v1".equals(r.header(WebhookTarget.IDEMPOTENCY_HEADER)) ? 400 : 200);
            WebhookSettings settings = new WebhookSettings("webhook-refusals", receiver.url("/hook"), WebhookFormat.SLACK, null);
            try (AlertDelivery sink = WebhookSink.start(kafka.bootstrapServers(), settings, settings.delivery().withBackoff(FAST))) {
                publishGarbage("garbage-1");
                alerts.publish(List.of(TestAlerts.alert("refused-0", 1), TestAlerts.alert("refused-1", 1),
                        TestAlerts.alert("refused-1", 2), TestAlerts.alert("refused-2", 1)));
                await().atMost(Duration.ofSeconds(60)).until(() -> keys(receiver).containsAll(
                        List.of("refused-0/v1", "refused-1/v2", "refused-2/v1")));
                assertThat(keys(receiver)).doesNotContain("refused-1/v1");
                assertThat(receiver.refusedAnswers()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(10)).until(() -> sink.stats().deadLettered() == 2);
                JsonNode slack = AvroJson.MAPPER.readTree(receiver.accepted().get(0).body());
                assertThat(slack.get("text").asText()).contains("&lt;Ghweiran&gt; &amp; the prison");
                assertThat(slack.get("blocks").get(0).get("type").asText()).isEqualTo("header");
            }
            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(r -> "refused-1".equals(header(r, AlertDelivery.H_ALERT_ID)));
            assertThat(header(dead, AlertDelivery.H_REASON)).isEqualTo("REJECTED");
            assertThat(header(dead, AlertDelivery.H_STATUS)).isEqualTo("400");
            assertThat(header(dead, AlertDelivery.H_SINK)).isEqualTo("webhook-refusals");
            assertThat(header(dead, AlertDelivery.H_RESPONSE)).contains("no: status 400");
            assertThat(header(dead, AlertDelivery.H_SOURCE)).startsWith(Topics.ALERTS.name() + "-");
            ConsumerRecord<byte[], byte[]> garbage = awaitDeadLetter(r -> "garbage-1".equals(key(r)));
            assertThat(header(garbage, AlertDelivery.H_REASON)).isEqualTo("UNDECODABLE");
            assertThat(header(garbage, AlertDelivery.H_RESPONSE)).isNotBlank();
            Alert original = Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(), dead.value());
            assertThat(original.getVersion()).isEqualTo(1);
        }
    }

    /** What this test's alerts delivered (a sink group starts at the earliest offset: other tests' alerts come too). */
    private static List<RecordingReceiver.Received> ordered(RecordingReceiver receiver) {
        return receiver.accepted().stream()
                .filter(r -> r.header(WebhookTarget.IDEMPOTENCY_HEADER).startsWith("order-")).toList();
    }

    private static List<String> keys(RecordingReceiver receiver) {
        return receiver.accepted().stream().map(r -> r.header(WebhookTarget.IDEMPOTENCY_HEADER)).toList();
    }

    private static void publishGarbage(String key) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), key.getBytes(StandardCharsets.UTF_8),
                    "not an alert".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.DLQ.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(wanted);
            });
            return seen.stream().filter(wanted).findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
