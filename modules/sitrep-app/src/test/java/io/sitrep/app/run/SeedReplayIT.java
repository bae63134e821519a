package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ArticleSource;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import io.sitrep.testkit.KafkaFixture;
import io.sitrep.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed stream through a real broker: alerts on sitrep.alerts and in the HTTP API, none raised twice. */
class SeedReplayIT {
    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static KafkaFixture kafka;
    private static SitrepInstance sitrep;
    @TempDir static Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "data.dir", dataDir.toString(),
                "http.port", "0",
                "topics.partitions", "3",
                "instance.id", "it"));
        sitrep = SitrepInstance.start(config, Map.of("SITREP_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (sitrep != null) sitrep.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void theSeedStreamRaisesTheDetaineeTransferOnceEvenWhenReplayedAgain() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            alerts.addAll(readAll(Topics.ALERTS));
            assertThat(alerts).anySatisfy(a -> assertThat(a.getType()).isEqualTo("DETAINEE_TRANSFER"));
        });
        Alert transfer = alerts.stream().filter(a -> a.getType().equals("DETAINEE_TRANSFER")).findFirst().orElseThrow();
        assertThat(transfer.getPlace()).isNotNull();
        assertThat(transfer.getEvidence()).isNotEmpty();
        assertThat(transfer.getReports()).isNotEmpty();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode body = AvroJson.MAPPER.readTree(get("/api/alerts"));
            assertThat(body.findValuesAsText("type")).contains("DETAINEE_TRANSFER");
        });

        // let the first replay settle: every article and every alert candidate consumed and committed
        await().atMost(Duration.ofSeconds(60)).until(() -> fullyConsumed("sitrep", Topics.ARTICLES_RAW.name())
                && fullyConsumed("sitrep", "sitrep-alert-candidates-by-type-repartition"));
        int segments = readAll(Topics.ARTICLES_ENRICHED).size();
        List<Alert> before = readAll(Topics.ALERTS);

        try (ArticleReplayer replayer = new ArticleReplayer(kafka.bootstrapServers(), "it-replay-again")) {
            replayer.replay(ArticleSource.bundledSeedStream(), ReplaySpeed.MAX, () -> false);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(readAll(Topics.ARTICLES_ENRICHED)).hasSize(2 * segments));
        // once the alert processor has consumed and committed every candidate, nothing new may be on sitrep.alerts
        await().atMost(Duration.ofSeconds(60)).until(() -> fullyConsumed("sitrep", "sitrep-alert-candidates-by-type-repartition"));
        assertThat(readAll(Topics.ALERTS)).hasSize(before.size());
    }

    @Test
    void theSeedStreamMeetsTheMustsAndMustNotsOfItsReadme() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode alerts = AvroJson.MAPPER.readTree(get("/api/alerts"));
            List<JsonNode> crisisCell = new ArrayList<>();
            alerts.forEach(a -> {
                if (a.get("type").asText().equals("SECURITY_COORDINATION") && a.get("evidence").toString().contains("crisis cell")) {
                    crisisCell.add(a);
                }
            });
            assertThat(crisisCell).as("one crisis-cell alert").singleElement().satisfies(a -> {
                assertThat(a.get("reports")).hasSize(3);
                assertThat(a.get("independentOutlets").asInt()).isEqualTo(2);
            });
            assertThat(alerts).anySatisfy(a -> {
                assertThat(a.get("type").asText()).isEqualTo("SECURITY_COORDINATION");
                assertThat(a.get("evidence").toString()).contains("security delegation");
            });
            assertThat(alerts).anySatisfy(a -> {
                assertThat(a.get("type").asText()).isEqualTo("MILITANTS_KILLED");
                assertThat(a.get("place").get("admin1").asText()).isEqualTo("Al Anbar");
            });
            assertThat(alerts.findValuesAsText("type")).contains("DETAINEE_TRANSFER", "CEASEFIRE_BREACH", "FORCE_DEPLOYMENT")
                    .doesNotContain("BORDER_INFILTRATION", "PRISON_BREAK");
            alerts.forEach(a -> assertThat(a.get("evidence").toString())
                    .doesNotContain("energy", "Axis of Resistance", "Israeli strikes", "escape attempts", "more than 90"));
        });
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterQueueWithTheirReason() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), "junk-1".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readRaw(Topics.DLQ.name()))
                .anySatisfy(r -> {
                    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("junk-1");
                    assertThat(new String(r.headers().lastHeader("__streams.errors.topic").value(), StandardCharsets.UTF_8))
                            .isEqualTo(Topics.ARTICLES_RAW.name());
                    assertThat(r.headers().lastHeader("__streams.errors.message")).isNotNull();
                }));
    }

    @Test
    void anAcknowledgeThroughHttpChangesTheAlertAndIsOnTheActionsTopic() throws Exception {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(AvroJson.MAPPER.readTree(get("/api/alerts?type=DETAINEE_TRANSFER"))).isNotEmpty());
        String id = AvroJson.MAPPER.readTree(get("/api/alerts?type=DETAINEE_TRANSFER")).get(0).get("id").asText();

        HttpResponse<String> anonymous = post("/api/alerts/" + id + "/actions", "{\"action\":\"ACKNOWLEDGE\"}", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bad = post("/api/alerts/" + id + "/actions", "{\"action\":\"DANCE\"}", basic);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown action 'DANCE'");

        HttpResponse<String> ack = post("/api/alerts/" + id + "/actions",
                "{\"action\":\"ACKNOWLEDGE\",\"comment\":\"on it\"}", basic);
        assertThat(ack.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode alert = AvroJson.MAPPER.readTree(get("/api/alerts/" + id));
            assertThat(alert.get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(alert.get("history").findValuesAsText("actor")).contains("admin");
        });
        assertThat(readAll(Topics.ALERT_ACTIONS)).anySatisfy(a -> {
            assertThat(a.getAlertId()).isEqualTo(id);
            assertThat(a.getAction().name()).isEqualTo("ACKNOWLEDGE");
            assertThat(a.getActor()).isEqualTo("admin");
        });
    }

    private HttpResponse<String> post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sitrep.httpPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sitrep.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static <V> List<V> readAll(Topic<String, V> topic) {
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readRaw(topic.name())) {
            out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
        }
        return out;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic);
    }

    private static boolean fullyConsumed(String group, String topic) throws Exception {
        return TopicReader.consumedToEnd(kafka.bootstrapServers(), group, topic);
    }
}
